// Material for MkDocs' search worker, answered by Pagefind: Material's search box and result
// list, without downloading the whole index (generator/pagefind.py installs this file).
//
// Material's bundle starts the worker that each page's config names ("search") and speaks four
// messages to it (src/templates/assets/javascripts/integrations/search/worker/message):
//   SETUP  {config, docs, options}: the built-in index; here a stub with no documents
//   READY  answered to SETUP; Material sends queries only after it
//   QUERY  the text in the search box, on every key
//   RESULT {items}: one list per page, the page first (a location without "#"), then its
//          sections; each {location, title, text, score, terms}, location relative to the site
//          root, title and text inserted as HTML, terms {word: matched}
// Pagefind's bundle (pagefind/pagefind.js, written by the build) is imported at the first query,
// so opening a page costs nothing, and a query fetches only the index chunks and the pages'
// fragments it needs.

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

// A query is searched once no key has come for this long, so only the index chunks of its
// words are fetched, not those of every prefix typed on the way (Pagefind's UI waits 300 ms).
const TYPING_PAUSE_MS = 300

// Pages whose text a query loads (one fragment each): Material lists the first 10 at once and
// more as the reader scrolls; each more costs a fragment of a few KB.
const MAX_PAGES = 20

const SITE_ROOT = new URL("../../../", self.location.href)  // this file: assets/javascripts/workers/
const PAGEFIND = new URL("pagefind/pagefind.js", SITE_ROOT)

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }
const MARK = /^<\/?mark>$/

let pagefind  // the import, started by the first query
let latestQuery = 0

addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const ticket = ++latestQuery
    const isLatest = () => ticket === latestQuery  // a newer query makes this one stale
    await new Promise(resolve => setTimeout(resolve, TYPING_PAUSE_MS))
    if (!isLatest())
      return
    const items = await search(message.data)
    if (isLatest())
      postMessage({ type: RESULT, data: { items } })
  }
})

/** Material's result items for ``query``, best page first; none if Pagefind fails, as
 * Material's own worker answers a query it cannot parse. */
async function search(query) {
  if (!query.trim())
    return []
  try {
    pagefind ??= import(PAGEFIND)
    const { results } = await (await pagefind).search(query)
    const terms = queryTerms(query)
    return await Promise.all(results.slice(0, MAX_PAGES).map(result => pageItems(result, terms)))
  } catch (error) {
    console.warn(`Search failed: ${query}`, error)
    return []
  }
}

/** A found page, then each of its sections that matched, in Material's item shape. A section
 * scores the page's score times its share of the matches, so Material folds the lesser ones
 * under "N more on this page", as it does with its own results. */
async function pageItems(result, terms) {
  const page = await result.data()
  const sections = page.sub_results.filter(section => section.anchor?.element !== "h1"
                                           && section.url.includes("#"))
  return [
    item(page.url, page.meta.title ?? page.url, page.excerpt, result.score, terms),
    ...sections.map(section => item(
      section.url, section.title, section.excerpt,
      result.score * section.locations.length / page.locations.length, terms)),
  ]
}

/** Every word of the query, as found: Material adds them to each result's link (``?h=``), and
 * the page it opens highlights them. */
function queryTerms(query) {
  return Object.fromEntries(query.toLowerCase().split(/\s+/).filter(Boolean)
    .map(term => [term, true]))
}

function item(url, title, excerpt, score, terms) {
  return { location: relativeToSite(url), title: escapeHTML(title), text: markedText(excerpt),
           score, terms }
}

/** Pagefind's URL ("/briefings/a.html", or absolute) relative to the site root, which Material
 * resolves against its base: right wherever the site is published. */
function relativeToSite(url) {
  const address = new URL(url, SITE_ROOT).href
  return address.startsWith(SITE_ROOT.href) ? address.slice(SITE_ROOT.href.length) : address
}

/** Page text as HTML text: Material inserts titles and excerpts with innerHTML. */
function escapeHTML(text) {
  return text.replace(/[&<>"']/g, character => ENTITIES[character])
}

/** Pagefind's excerpt with no markup but Pagefind's own <mark>s. Pagefind 1.x already escapes
 * "<" and ">" of the page text; escaping any other keeps scraped text from ever becoming an
 * element, whatever the version. */
function markedText(excerpt) {
  return excerpt.split(/(<\/?mark>)/)
    .map(part => MARK.test(part) ? part : part.replace(/[<>]/g, character => ENTITIES[character]))
    .join("")
}
