"""Benchmark corpus: N realistic scraped articles, and a project ``mkdocs build`` can build.

    .venv/bin/python tests/benchmarks/make_corpus.py 5000 /tmp/corpus-5000 [--seed 0]
    .venv/bin/mkdocs build -f /tmp/corpus-5000/mkdocs.yml

Real collections are too small to time the pipeline at 1,000 or 5,000 articles, so this
writes stand-ins that exercise every stage as real scrapes do: about thirty fictional
outlets, each with its own menus, share bars, appeals, cookie notices, dated teasers and
footers around the story; three text scrapes in four, raw HTML pages for the rest; bylines
and dates in each outlet's own format, or none. Stories are built from sentence templates
whose slots name countries, agencies (acronym spelled out once), people with their titles,
amounts, percentages and dates, so the analysis stages have work to do; most are on the
themes of ``generator/data/themes.yml``, some are not. About 1% are syndicated copies of an
earlier story on another outlet, which the generator should merge as duplicates.

Article k depends only on (seed, k): the 1,000-article corpus is the first 1,000 files of
the 5,000 one, byte for byte.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import shutil
import sys
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from random import Random
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from generator.write import is_generated

REPO = Path(__file__).resolve().parents[2]
VOCABULARY = Path("generator/data/themes.yml")  # where mkdocs.yml expects it

HTML_SHARE = 0.25  # raw pages; the rest are text scrapes like seeds/*.txt
UNDATED_SHARE = 0.10  # pages that state no date anywhere
ANONYMOUS_SHARE = 0.20  # pages without a byline
OFF_TOPIC_SHARE = 0.15  # energy, health, elections, economy: outside the vocabulary
SECOND_TOPIC_SHARE = 0.5  # stories that touch a second theme, as real ones do
SYNDICATED_SHARE = 0.01  # another outlet's copy of an earlier story
SYNDICATION_WINDOW = 300  # ... of one of the previous 300 articles
FIRST_DAY, DAYS = date(2014, 1, 1), (date(2026, 12, 31) - date(2014, 1, 1)).days + 1
MEDIAN_PARAGRAPHS, PARAGRAPH_SIGMA = 9, 0.6  # log-normal: mostly 4-25, now and then 40-60
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 3, 60
OPENING_CHARS = 40  # paragraphs of one story never open with the same 40 characters
QUOTE_SHARE = 0.15  # paragraphs that open with a quotation
HEADING_SHARE = 0.12  # chance of a subheading before a paragraph of a long story
MIN_PARAGRAPHS_FOR_HEADINGS = 7
WRAP_WIDTH = 72  # hard-wrapped scrapes (mailing lists, wire copy)
TEASER_CHARS = 110  # teaser summaries are cut here, with "…"
SITE_TEASERS = 12  # an outlet's "Most read" teasers, shared by many of its pages
RELATED_SHARE = 0.3  # pages whose "Related" list names an earlier story of the same site
RELATED_WINDOW = 100  # ... found among the previous 100 articles
CRAWL_YEAR = 2026  # footers carry the year the pages were saved, not the story's

# --- the world the stories are about ----------------------------------------------------------

# name | adjective | capital | other cities
COUNTRIES = [line.split("|") for line in """\
Guatemala|Guatemalan|Guatemala City|Quetzaltenango,Escuintla,Puerto Barrios,Cobán,Petén
Honduras|Honduran|Tegucigalpa|San Pedro Sula,La Ceiba,Choluteca,Puerto Cortés,Comayagua
El Salvador|Salvadoran|San Salvador|Santa Ana,San Miguel,Sonsonate,La Libertad,Usulután
Mexico|Mexican|Mexico City|Tijuana,Ciudad Juárez,Culiacán,Monterrey,Tapachula,Reynosa
Colombia|Colombian|Bogotá|Medellín,Cali,Cúcuta,Tumaco,Buenaventura,Barranquilla
Ecuador|Ecuadorian|Quito|Guayaquil,Esmeraldas,Manta,Machala,Cuenca
Peru|Peruvian|Lima|Callao,Cusco,Ayacucho,Iquitos,Puno
Panama|Panamanian|Panama City|Colón,David,Darién,Chiriquí
Costa Rica|Costa Rican|San José|Limón,Puntarenas,Alajuela,Liberia
Nicaragua|Nicaraguan|Managua|León,Bluefields,Chinandega,Granada
Belize|Belizean|Belmopan|Belize City,Orange Walk,Dangriga,Corozal
the Dominican Republic|Dominican|Santo Domingo|Santiago,Puerto Plata,La Romana,Higüey
Haiti|Haitian|Port-au-Prince|Cap-Haïtien,Gonaïves,Les Cayes,Jacmel
Jamaica|Jamaican|Kingston|Montego Bay,Spanish Town,Ocho Rios,Mandeville
Bolivia|Bolivian|La Paz|Santa Cruz,Cochabamba,Chapare,Oruro
Paraguay|Paraguayan|Asunción|Ciudad del Este,Pedro Juan Caballero,Encarnación
Venezuela|Venezuelan|Caracas|Maracaibo,Valencia,San Cristóbal,Ciudad Guayana
Brazil|Brazilian|Brasília|São Paulo,Rio de Janeiro,Manaus,Foz do Iguaçu,Santos
Trinidad and Tobago|Trinidadian|Port of Spain|San Fernando,Chaguanas,Point Fortin
Chile|Chilean|Santiago|Arica,Iquique,Valparaíso,Antofagasta""".splitlines()]
DONORS = [("the United States", "US"), ("the European Union", "EU"), ("Canada", "Canada"),
          ("Spain", "Spain"), ("Germany", "Germany"), ("the United Kingdom", "UK"),
          ("Japan", "Japan"), ("Taiwan", "Taiwan"), ("South Korea", "South Korea")]


def word_lists(text: str) -> dict[str, list[str]]:
    """ "key: word word" lines → key → words; a key may take several lines."""
    lists: dict[str, list[str]] = {}
    for line in text.splitlines():
        key, _, words = line.partition(": ")
        lists.setdefault(key, []).extend(words.split())
    return lists


WORDS = word_lists("""\
first: Ana Luis María Carlos Sofía Jorge Elena Pedro Lucía Miguel Rosa Andrés Claudia Héctor Julia
first: Fernando Patricia Raúl Gabriela Óscar Daniel Laura James Sarah Michael Emily David Rachel
first: Thomas Karen Mateo Valeria Diego Camila Javier Isabel Ricardo Natalia Tomás Beatriz
surname: Morales Herrera Quiñónez Castillo Rivas Mendoza Alvarado Barrios Cifuentes Estrada Paz
surname: Sandoval Cabrera Solís Orellana Velásquez Girón Monzón Ochoa Tello Ramírez García López
surname: Martínez Hernández Pérez Flores Aguilar Reyes Cruz Vargas Romero Navarro Figueroa Ortiz
surname: Campos Salazar Ibarra Zelaya Bonilla Fuentes Guzmán Mejía Pineda Rojas Soto Valdez Lara
surname: Bennett Collins Porter Warren Fisher Holland Shaw Keller Brennan Tzul Ixcot Chávez Hughes
program: Safe Secure Strong Shared Regional Open United Clean Resilient
program2: Borders Communities Ports Justice Streets Coasts Horizons Pathways
program3: Initiative Program Plan Strategy Compact Partnership
code: Silver Blue Iron Red Northern Golden Black Green Swift Silent
code2: Condor Jaguar Shield Harbor Falcon Trident Quetzal Anchor Sentinel
drug: cocaine cocaine heroin fentanyl methamphetamine marijuana
small: two three four five six seven eight nine ten eleven twelve
decades: Two Three Four
month: January February March April May June July August September October November December
weekday: Monday Tuesday Wednesday Thursday Friday Saturday Sunday""")
MONEY = ("${m} million", "US${m} million", "${k},000", "€{m} million", "${b} billion")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: cheap as a dict key
class Topic:
    """What stories on one subject say. Templates have {slots} (see ``Cast``) and
    [one|or|another] alternatives, so no two sentences made from one are alike."""
    section: str  # the section label an outlet prints above the story
    agencies: tuple[str, ...]  # "Name (ACRONYM)": the country's bodies, then foreign ones
    roles: tuple[str, ...]  # titles written before a person's name
    titles: tuple[str, ...]
    sentences: tuple[str, ...]
    quotes: tuple[str, ...]
    headings: tuple[str, ...]


# The first eight follow the themes of generator/data/themes.yml; the rest are off-topic.
TOPICS = {
    "security": Topic(
        "Security", ("Ministry of National Defense (MDN)", "Joint Chiefs of Staff (JCS)",
                     "U.S. Southern Command (SOUTHCOM)", "Defense Security Cooperation Agency "
                     "(DSCA)"),
        ("Defense Minister", "General", "Colonel", "Admiral"),
        ("{donor_short} to Resume Military Aid to {country} After {small}-Year Freeze",
         "{adj} Army Receives {small} Helicopters in {amount} {donor_short} Aid Package",
         "{donor_short} Suspends Security Assistance to {country} Over Abuses in {city}",
         "Military Advisers to Train {adj} Forces Under {program}"),
        ("{donor} [delivered|handed over|donated] {small} [helicopters|patrol boats|armored "
         "vehicles|radar systems] to {country}'s armed forces on {date}, under {program}.",
         "The [aid package|donation], worth {amount}, [includes|covers] [training|spare parts|"
         "night-vision equipment] and a team of military advisers [based in|sent to] {city}.",
         "[Under the agreement|According to the plan], {num} soldiers will be trained in {city} "
         "[before deploying to|ahead of patrols on] the [northern|southern] border.",
         "{donor} [halted|froze] military aid to {country} in {year} [over|after] reports of "
         "abuses by the army, and [resumed|partly restored] it in {year}.",
         "{person} said the armed forces [needed|lacked] [aircraft|vehicles] to [reach|patrol] "
         "remote areas near {city}.",
         "{agency} will manage the funds, which {agency} [must|will] audit every year.",
         "Defense spending [rose|grew] {pct} in {year}, to {amount}, according to {agency}.",
         "The [first|second] [shipment|delivery] [arrived in|reached] {city} in {month}, with "
         "{num} [rifles|radios|bulletproof vests]."),
        ("We need the equipment to [reach|protect] the border, and we need it [now|this year].",
         "This [aid|support] comes with conditions, and we will [watch|monitor] how it is used."),
        ("Conditions attached", "Equipment and training", "A long suspension")),
    "narcotics": Topic(
        "Drug trafficking", ("Anti-Narcotics Police (PAN)", "Financial Analysis Unit (FAU)",
                             "Drug Enforcement Administration (DEA)", "United Nations Office "
                             "on Drugs and Crime (UNODC)"),
        ("Anti-Narcotics Director", "prosecutor", "Commissioner", "Interior Minister"),
        ("{adj} Police Seize {num} Kilograms of [Cocaine|Heroin|Marijuana] Near {city}",
         "{operation} Dismantles Trafficking Network in {city}",
         "Drug Seizures in {country} Rise {pct} as Cartels Shift Routes",
         "{country} Extradites Alleged Leader of {gang} to {donor_short}"),
        ("Agents of {agency} seized {num} kilograms of {drug} [hidden in|concealed in] [a "
         "container of bananas|a fishing boat|a tanker truck|a light aircraft] near {city}.",
         "{operation}, [carried out|launched] with [support|intelligence] from {agency}, [led "
         "to|resulted in] {small} arrests and the seizure of {amount} in cash.",
         "[Investigators|Prosecutors] believe the shipment belonged to {gang}, which [controls|"
         "moves drugs along] the [Pacific|Caribbean] coast near {city}.",
         "Drug seizures [rose|jumped] {pct} in {year}, to {num} kilograms, according to {agency}.",
         "About {pct} of the cocaine [bound for|reaching] the United States [passes through|"
         "transits] {country}, [officials estimate|according to official estimates].",
         "[Traffickers|The cartels] [have turned to|increasingly use] [semi-submersibles|"
         "clandestine airstrips|shipping containers] to smuggle {drug} north.",
         "{agency} also [destroyed|dismantled] {small} [laboratories|clandestine airstrips] and "
         "seized {num} liters of chemical precursors.",
         "The [suspects|alleged traffickers] [face|could face] extradition to {donor} on "
         "[drug trafficking|money laundering] charges."),
        ("The traffickers change routes faster than we do, so we have to share intelligence.",
         "Every kilogram we seize is money that [never reaches|does not reach] the cartels."),
        ("Shifting routes", "The operation", "Precursor chemicals")),
    "police": Topic(
        "Policing", ("National Civil Police (PNC)", "Border Security Division (BSD)",
                     "Customs and Ports Authority (CPA)", "U.S. Customs and Border Protection "
                     "(CBP)", "Federal Bureau of Investigation (FBI)"),
        ("Police Director", "Commissioner", "Inspector", "Deputy Minister"),
        ("{adj} Police Open {small} New Checkpoints Near {city}",
         "Police Reform in {country} Stalls as {num} Officers Quit",
         "{donor_short}-Trained Border Unit of {num} Deploys to {city}",
         "New Scanners at {city} Port to Inspect {num} Containers a Month"),
        ("{agency} [opened|set up] {small} new checkpoints [on the highway|along the border] "
         "between {city} and {city} in {month}.",
         "About {num} [officers|recruits] graduated from the police academy in {year}, "
         "[bringing|raising] the force to {num}.",
         "Instructors from {agency} have trained border [patrol|police] units in [document "
         "checks|cargo inspection|risk analysis] in {city}.",
         "[Customs officers|Port officials] [inspected|scanned] {num} containers at the port of "
         "{city} in {year}, {pct} more than the year before.",
         "{person} [announced|promised] that every police station in {city} would [receive|get] "
         "[patrol cars|body cameras|radios] by {month}.",
         "[Community policing|The vetted unit|The model precinct] [reduced|cut] homicides by {pct} "
         "in parts of {city} between {year} and {year}.",
         "Officers dismissed for corruption numbered {num} in {year}, according to {agency}.",
         "The border crossing at {city} handles {pct} of the country's [trade|imports], and "
         "smugglers [exploit|target] its weak points."),
        ("An officer who is well trained and paid on time is harder to corrupt.",
         "The border is [long|porous], and we cannot [watch|guard] every crossing."),
        ("Reform and recruitment", "Checkpoints", "Vetted units")),
    "justice": Topic(
        "Justice", ("Public Ministry (MP)", "Special Prosecutor's Office Against Impunity (FECI)",
                    "Supreme Court of Justice (CSJ)", "Organization of American States (OAS)",
                    "International Commission Against Impunity (ICAI)"),
        ("Attorney General", "Judge", "prosecutor", "Comptroller"),
        ("Court Convicts Former {adj} Minister {surname} in Bribery Case",
         "Attorney General Opens Corruption Probe Into {city} Mayor {surname}",
         "{country} Judges Face Pressure as {num} Corruption Cases Stall",
         "Prosecutors Seize Assets Worth {amount} in Graft Investigation"),
        ("{agency} [charged|indicted] {small} former officials with [embezzling|laundering] "
         "{amount} from [public works contracts|a municipal fund] in {city}.",
         "The [judge|court] sent the case to trial on {date}, [rejecting|dismissing] [defense "
         "appeals|a request for house arrest].",
         "Since {year}, {agency} has opened {num} corruption investigations, but only {pct} have "
         "[reached|ended in] a [verdict|conviction].",
         "{agency} warned that [judges|prosecutors] in {country} [face|have faced] [threats|"
         "harassment] for investigating powerful figures.",
         "The [prosecution|indictment] [relies on|cites] [wiretaps|bank records|the testimony of "
         "a cooperating witness] gathered between {year} and {year}.",
         "{person} [denied|rejected] the charges and called the investigation [politically "
         "motivated|a persecution].",
         "[Transparency|Accountability] advocates urged {agency} to publish the asset "
         "declarations of the officials under investigation.",
         "The court [sentenced|convicted] {small} defendants for [fraud|bribery|illicit "
         "association] in {month}."),
        ("No one is above the law, not even a former minister.",
         "This case [took|has taken] years, but the evidence [is clear|speaks for itself]."),
        ("The charges", "Pressure on judges", "A slow court system")),
    "rights": Topic(
        "Human rights", ("Human Rights Ombudsman's Office (PDH)", "National Reparations Program "
                         "(NRP)", "Inter-American Commission on Human Rights (IACHR)",
                         "International Committee of the Red Cross (ICRC)"),
        ("Ombudsman", "Rapporteur", "Commissioner", "Bishop"),
        ("Rights Groups Report {num} Cases of Torture by {adj} Security Forces",
         "{country} Exhumes {num} Victims of Civil War Massacre Near {city}",
         "Rights Commission Condemns Killing of Activist {surname} in {city}",
         "{decades} Decades On, {num} Families of the Disappeared in {city} Demand Answers"),
        ("{agency} [documented|recorded] {num} cases of [torture|arbitrary detention|"
         "extrajudicial killings] by [police|soldiers] in {year}.",
         "[Forensic teams|Anthropologists] [exhumed|recovered] the remains of {num} victims from "
         "a mass grave near {city} in {month}.",
         "The massacre took place in {war_year}, during the civil war, when soldiers [attacked|"
         "raided] [a village|several villages] near {city}.",
         "{person} said the families of victims had waited [decades|more than [two|three|four] "
         "decades] for [justice|reparations].",
         "[Human rights defenders|Journalists|Indigenous leaders] suffered {num} [attacks|threats]"
         " in {year}, up {pct} on the year before, according to {agency}.",
         "{agency} urged the government to [investigate|prosecute] the abuses and to [protect|"
         "compensate] the victims.",
         "[Soldiers|Police officers] accused of the disappearance of {small} [students|farmers|"
         "activists] [remain|are still] on duty."),
        ("The families have waited long enough for the truth.",
         "The state had a duty to protect [them|its citizens], and it failed."),
        ("Decades of impunity", "Exhumations", "Threats against defenders")),
    "corrections": Topic(
        "Prisons", ("Penitentiary System (SP)", "Directorate of Social Reintegration (DSR)",
                    "Prison Intelligence Unit (PIU)", "Bureau of International Narcotics and "
                    "Law Enforcement Affairs (INL)"),
        ("Prison Director", "Deputy Minister", "Warden", "Commissioner"),
        ("Overcrowding in {adj} Prisons Reaches {pct}",
         "Riot at {city} Prison Leaves {small} Inmates Dead",
         "{country} Opens {num}-Bed Rehabilitation Center for Young Offenders",
         "Gangs Run {city} Prison, Collecting {amount} a Month, Report Finds"),
        ("{country}'s prisons hold {num} inmates in [facilities|cells] built for {num}, an "
         "occupancy rate of {pct}.",
         "[A riot|A fight between rival gangs] at the prison in {city} left {small} inmates dead "
         "on {date}, according to {agency}.",
         "[Gang leaders|Inmates] [ran|run] extortion [rings|networks] from inside the prison "
         "using phones [smuggled in|bought from guards].",
         "{agency} plans to [hire|train] {num} new [guards|correctional officers] by {year}, "
         "paid for with {amount} from {donor}.",
         "The [rehabilitation|reintegration] program offers inmates [vocational training|"
         "schooling] to reduce recidivism, which stands at {pct}.",
         "{person} said [corruption among guards|pretrial detention] remained the main problem "
         "of the penitentiary system.",
         "About {pct} of prisoners have not been [convicted|sentenced], according to {agency}."),
        ("Our prisons have become schools of crime.",
         "If we do not [rehabilitate|train] them, they [will|come] back."),
        ("Overcrowding", "Gangs behind bars", "Rehabilitation")),
    "migration": Topic(
        "Migration", ("Directorate General of Migration (DGM)", "Office for Returned Migrants "
                      "(ORM)", "International Organization for Migration (IOM)", "United "
                      "Nations High Commissioner for Refugees (UNHCR)"),
        ("Migration Director", "Foreign Minister", "Deputy Minister", "Consul"),
        ("Deportation Flights to {city} Rise {pct} as Policies Tighten",
         "{num} Migrants Found in Truck Near {city}",
         "{country} and {donor_short} Sign Migration Agreement in {city}",
         "Asylum Requests From {country} Reach Record {num}"),
        ("{num} [migrants|deportees] arrived in {city} on deportation flights from {donor} in "
         "{year}, up {pct}.",
         "[Police|Border agents] [found|rescued] {num} migrants [crammed|hidden] in [a truck|a "
         "trailer] near {city} on {date}.",
         "{agency} says {pct} of [migrants|those who leave] [cite|name] [violence|gangs|poverty|"
         "drought] as their reason for leaving.",
         "Smugglers charge about {amount} per person [for the journey|to cross] into {donor}, "
         "[investigators say|according to prosecutors].",
         "{agency} [registered|processed] {num} asylum [requests|claims] in {year}, many from "
         "unaccompanied minors.",
         "Under the agreement, {agency} and {agency} will [share|exchange] the [migration|"
         "criminal] records of people subject to repatriation.",
         "{person} said remittances from migrants reached {amount} in {year}, about {pct} of "
         "the economy."),
        ("Nobody leaves home unless they have to.",
         "We need [safe|legal] ways to migrate, not [walls|more smugglers]."),
        ("Deportations", "Why people leave", "Smuggling networks")),
    "diplomacy": Topic(
        "Diplomacy", ("Ministry of Foreign Affairs (MFA)", "Central American Integration "
                      "System (SICA)", "Organization of American States (OAS)",
                      "European External Action Service (EEAS)"),
        ("President", "Foreign Minister", "Ambassador", "Vice President"),
        ("{donor_short} and {country} Launch High-Level Dialogue in {city}",
         "President {surname} Visits {donor_short} to Seek Support for {program}",
         "Ambassador Recalled as {country} Relations Sour After {year} Election",
         "Leaked {year} Cables Show {donor_short} Pressure on {country}"),
        ("{person} [met|held talks] with {person} in {capital} on {date} to [discuss|review] "
         "[security cooperation|trade|migration].",
         "The two governments signed a memorandum of understanding on [security|customs|"
         "migration] cooperation in {month}.",
         "A [confidential|diplomatic] cable sent by the ambassador in {year} [shows|describes] "
         "how diplomats pressed the government on [corruption|rights abuses].",
         "Relations between {country} and {donor} [cooled|soured|improved] after the {year} "
         "election, when the new government [expelled|welcomed] an international commission.",
         "The declaration, [signed|endorsed] by {small} governments, commits them to [share "
         "information|coordinate border controls|respect sovereignty].",
         "{person}, who took office in {year}, has promised to [restore|strengthen] relations "
         "with {donor}.",
         "The embassy said the dialogue would [continue|resume] in {month} in {city}."),
        ("This dialogue opens a new chapter in our relations.",
         "Our governments share the same goals: [security|democracy] and [prosperity|the rule "
         "of law]."),
        ("Bilateral agenda", "The cables", "A new chapter")),
    "energy": Topic(
        "Energy", ("National Energy Commission (NEC)", "State Power Company (SPC)",
                   "Inter-American Development Bank (IDB)"),
        ("Energy Minister", "Engineer", "Mayor"),
        ("{country} Approves {small} New Solar Farms Near {city}",
         "Electricity Prices in {city} Rise {pct}", "{num}-Megawatt Dam Near {city} Faces Delays"),
        ("The [solar farm|wind farm|hydroelectric plant] near {city} will [produce|generate] "
         "{num} megawatts, enough to power {num} homes.",
         "Electricity [prices|tariffs] [rose|fell] {pct} in {year}, according to {agency}.",
         "{agency} approved a loan of {amount} to build [transmission lines|a battery plant].",
         "[Residents|Farmers] near {city} [oppose|protested against] the [project|dam], saying "
         "it would divert [their water|the river].",
         "Blackouts [affected|hit] {num} households in {city} during the [dry season|heat wave] "
         "of {year}.",
         "{person} said {pct} of the country's electricity came from renewable sources in {year}."),
        ("Cheap, clean energy is our best path to [growth|development].",),
        ("Grid and prices", "Local opposition")),
    "health": Topic(
        "Health", ("Ministry of Public Health (MPH)", "Social Security Institute (SSI)",
                   "Pan American Health Organization (PAHO)"),
        ("Health Minister", "Doctor", "Director"),
        ("Dengue Cases in {city} Rise {pct}",
         "{city} Hospital Short of Medicines for {num} Patients",
         "Vaccination Campaign Reaches {num} Children in {country}"),
        ("[Nurses|Mobile teams] vaccinated {num} children in {city} in {month}, about {pct} of "
         "the target.",
         "{agency} [reported|confirmed] {num} [dengue|measles] cases in {year}, up {pct}.",
         "The hospital in {city} has [run short of|lacked] [medicines|beds|oxygen] since {month}.",
         "{agency} delivered {amount} worth of [vaccines|medical supplies|testing kits].",
         "Waiting lists for [surgery|specialist care] in {city} grew to {num} patients in {year}.",
         "{person} said spending on [public health|hospitals] would rise by {pct} next year."),
        ("We vaccinate as fast as we can, but the doses are not enough.",),
        ("Shortages", "The campaign")),
    "elections": Topic(
        "Elections", ("Supreme Electoral Tribunal (TSE)", "National Electoral Council (NEC)",
                      "Carter Center"),
        ("Candidate", "Magistrate", "Senator"),
        ("{country} Votes in Tight Race as {surname} Leads Polls",
         "Electoral Tribunal Disqualifies {small} Candidates in {city}",
         "Turnout Falls to {pct} in {city} Municipal Vote"),
        ("{agency} counted {num} ballots in the {year} election, a turnout of {pct}.",
         "{person} [won|took] {pct} of the vote in {city}, ahead of {person}.",
         "Observers from {agency} reported [delays|irregularities|long queues] at polling "
         "stations in {city}.",
         "Campaign spending [reached|exceeded] {amount}, according to {agency}.",
         "{small} parties [registered|fielded] candidates for the {num} seats in congress.",
         "The [runoff|second round] [was held|took place] on {date}."),
        ("Every vote must be counted before we can accept the result.",),
        ("The count", "Observers")),
    "economy": Topic(
        "Economy", ("National Statistics Institute (INE)", "Ministry of Economy (MINECO)",
                    "International Monetary Fund (IMF)"),
        ("Economy Minister", "Governor", "Director"),
        ("{country} Economy Grows {pct} as Exports Recover",
         "Coffee Farmers in {city} Struggle as Prices Fall {pct}",
         "{country} Raises Minimum Wage by {pct}"),
        ("The economy [grew|expanded] {pct} in {year}, driven by [exports|construction|"
         "tourism], according to {agency}.",
         "[Coffee|Banana|Sugar|Textile] exports [reached|totaled] {amount} in {year}.",
         "{agency} expects [growth|inflation] of {pct} [this year|in {year}].",
         "{person} said small businesses in {city} [needed|lacked] [credit|roads|cheaper "
         "electricity].",
         "[Factories|Farms] around {city} [employ|lost] {num} workers [last year|in {year}].",
         "The [minimum wage|new budget] took effect on {date} and covers {num} workers."),
        ("Prices keep rising, and our wages have not kept up.",),
        ("Exports", "Wages and prices")),
}
ON_TOPIC = tuple(TOPICS)[:8]
OFF_TOPIC = tuple(TOPICS)[8:]
GENERIC = Topic(
    "News", (), ("Mayor", "analyst"), (),
    ("The announcement came {small} weeks after {person} visited {city}.",
     "Officials declined to say when the [measures|plans] would be [carried out|funded].",
     "{person} told [reporters|local media] in {capital} on {weekday} that [more details|a full "
     "report] would be [published|released] by {month}.",
     "[Local media|Analysts] noted that similar plans [had stalled|were abandoned] in {year}.",
     "[Critics|Observers] say the [measures|changes] [do not go far enough|come too late].",
     "Residents of {city} said they [had seen|saw] [little change|some improvement] since {year}.",
     "The government has [set aside|budgeted] {amount} for the [plan|program] this year.",
     "The figure [rose|fell] from {num} in {year} to {num} [last year|in {year}].",
     "{person} is expected to present the [proposal|report] to [congress|the cabinet] in {month}.",
     "The decision was [welcomed|criticized] by [opposition parties|business groups|church "
     "leaders|civil society organizations].",
     "About {pct} of residents polled in {city} said the situation had [worsened|improved]."),
    (), ("Background", "What comes next", "Reactions", "The numbers"))
SAID_AFTER = ("{person} said", "said {person}", "{person} said in a statement",
              "{person} told reporters in {capital}", "{person} said on {weekday}")
SAID_BEFORE = ("{person} said", "{person} told reporters", "In a statement, {person} said")
CAPTIONS = ("[Soldiers|Police officers] [patrol|guard] a road near {city}",
            "[Officials|Residents] [gather|wait] in {capital} on {date}")
CONNECTIVES = ("Meanwhile", "Separately", "Earlier", "At the same time", "By contrast",
               "In a separate case", "As a result", "Even so", "Last year", "For now")
GANGS = ("the {surname} clan", "the {city} Cartel", "the {surname} family network")

# --- outlets: the pages around the stories ----------------------------------------------------

OUTLET_NAMES = """The Valley Courier|Isthmus Daily|Frontera Report|Caribbean Ledger|Andean Observer
Hemisphere Brief|Crime and Justice Review|The Border Dispatch|Pacific Coast Herald
Central American Wire:wire|Policy Watch Institute:ngo|Rights Monitor:ngo|The Continental Post
Northern Triangle Times|Open Government Gazette|Latin Affairs Journal|Defense Horizons
Rule of Law Forum:ngo|Migration Ledger|Coastal Chronicle|Justice Network News|Riverside Sentinel
The Capital Standard|Southern Cone Review|World Affairs Digest|Public Safety Today
Civic Monitor:ngo|Gulf Stream Tribune|Americas Security Bulletin:wire
Office of Hemispheric Security Affairs:gov|Bureau of Regional Justice Programs:gov"""
MENU = ("Home", "News", "World", "Americas", "Politics", "Security", "Justice", "Migration",
        "Economy", "Opinion", "Analysis", "Investigations", "Features", "Video", "Podcasts",
        "Newsletters", "Data", "Events", "About Us", "Contact", "Donate", "Subscribe", "Search",
        "Menu", "Regions", "Topics", "Archive", "Log in", "Español")
GOV_BANNER = ("An official website of the United States government", "Here's how you know",
              "Official websites use .gov", "Secure .gov websites use HTTPS")
ARCHIVE_NOTICE = ("You are viewing ARCHIVED CONTENT released online from January 20, 2017 to "
                  "January 20, 2021.", "Content in this archive site is NOT UPDATED, and links "
                  "may not function.")
SHARE_BARS = (("Share", "Tweet", "Email"), ("share icon icon icon",), ("Print", "Email", "Share"),
              ("Share this article", "Facebook", "Twitter", "LinkedIn", "Email"),
              ("Share on Facebook", "Share on X", "Copy link"), ("SHARE", "TWEET", "EMAIL"),
              ("Facebook", "WhatsApp", "Telegram", "Copy link"), ("Share:", "Facebook", "X"))
APPEALS = ("We want to sustain {name}'s independent reporting, but in order to do so, we need "
           "resources.",
           "Support independent journalism: become a member of {name} today.",
           "Sign up for the {name} newsletter to get our briefings delivered to your inbox.",
           "If you value our reporting, please consider making a donation to {name}.",
           "Your support keeps {name} free for everyone. Make a contribution today.",
           "Never miss a story. Enter your email address to receive our alerts.",
           "Do you rely on {name}? Support our work with a monthly contribution.",
           "Was this content helpful?", "What are your thoughts? Click here to send {name} your "
           "comments.")
COOKIES = (("We use cookies to improve your experience on our website. By continuing to "
            "browse, you agree to our use of cookies.", "Accept"),
           ("This site uses cookies to analyse traffic and personalise content.", "Cookie Policy",
            "Accept all"),
           ("By clicking “Accept all cookies”, you agree to the storing of cookies on your "
            "device.", "Accept all cookies"))
RELATED = ("Related Content", "Read more", "More from {name}", "You may also like",
           "Related stories", "Most read", "Related articles", "Further reading", "Latest news",
           "Recommended", "Related Coverage")
INLINE_RELATED = ("Read also: {title}", "READ MORE: {title}", "See also: {title}",
                  "Related: {title}")
LEGAL = (("Privacy Policy | Terms of Use | Contact Us",), ("Privacy Policy", "Terms of Service",
         "Cookie Settings"), ("About Us · Contact · Advertise · Careers",),
         ("Contact", "Privacy", "Accessibility", "Sitemap"))
COPYRIGHT = ("© {year} {name}. All rights reserved.", "Copyright © {year} {name}",
             "© {name} {year}", "All content © {year} {name}, unless otherwise noted.")
CREATIVE_COMMONS = ("We encourage readers to copy and distribute our work for non-commercial "
                    "purposes, with attribution to {name} in the byline. Check the Creative "
                    "Commons website for details.")
BYLINES = ("By {author}", "By {author}", "By {author}/{name}", "By {author}, {name}",
           "BY {AUTHOR}", "Written by {author}", "Author: {author}", "Posted by {author}")
DATE_FORMATS = ("{month} {day}, {year}", "{month} {dd}, {year}", "{year}-{mm}-{dd}",
                "{day} {month} {year}", "Published: {mm}/{dd}/{year}", "{mon} {day}, {year}",
                "{weekday}, {month} {day}, {year}", "{dd} {MON} {year}", "{dd}.{mm}.{year}",
                "Posted on {month} {day}, {year} at {time}", "Published {day} {month} {year}, "
                "{hh}:{mi} GMT")
WRITTEN_OUT = DATE_FORMATS[0]  # datelines are never numeric
# Page habits and the share of outlets that have each; NGOs also have "About <site>" boxes
# and "<Site> Analysis" sections (InSight Crime's pages do).
EXTRAS = {"section": 0.3, "caption": 0.25, "tags": 0.3, "bio": 0.2, "updated": 0.2,
          "share-top": 0.3}
BIOS = ("{author} is a [reporter|correspondent|senior editor] for {name} covering [security|"
        "justice|migration] in [Central America|the Andes|the Caribbean].")
CREDIT = "This article originally appeared on {name} and is republished here with permission."


def pick(rng: Random, template: str) -> str:
    """Resolve every [one|or|another] alternative of ``template``."""
    return ALTERNATIVES.sub(lambda match: rng.choice(match[1].split("|")), template)


ALTERNATIVES = re.compile(r"\[([^\]]*)\]")


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline(text: str) -> str:
    """ "Police seize cocaine in Foz do Iguaçu" → "Police Seize Cocaine in Foz do Iguaçu":
    headline case; small words, and the particles of place names, stay as they are."""
    small = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
             "over", "the", "to", "with", "de", "del", "do"}
    words = text.split()
    return " ".join(w if i and w in small else capitalised(w) for i, w in enumerate(words))


def written(day: date, pattern: str, rng: Random) -> str:
    """``day`` in one of ``DATE_FORMATS`` (month names in English whatever the locale)."""
    hour, minute, month = rng.randrange(6, 23), rng.randrange(60), WORDS["month"][day.month - 1]
    return pattern.format(
        day=day.day, dd=f"{day.day:02}", mm=f"{day.month:02}", year=day.year, month=month,
        mon=month[:3], MON=month[:3].upper(), weekday=WORDS["weekday"][day.weekday()],
        time=f"{hour % 12 or 12}:{minute:02} {'pm' if hour >= 12 else 'am'}",
        hh=f"{hour:02}", mi=f"{minute:02}")


class Cast(dict):
    """The people, places and bodies of one story. ``cast.sentence(template, topic)`` fills
    each slot afresh: {person} names one of the story's people with a title the first time
    and by surname after; {agency} is one of the topic's bodies, spelled out with its acronym
    the first time ("the National Civil Police (PNC)"), as news writing does; {city} is never
    the same twice running; a slot named like a word list of ``WORDS`` is one of its words.
    Fixed: {country} {adj} {capital} {donor} {donor_short} {program} {operation} {gang}."""

    def __init__(self, rng: Random, topics: list[Topic], published: date):
        country, adj, capital, cities = rng.choice(COUNTRIES)
        donor, donor_short = rng.choice(DONORS)
        self.rng, self.published, self.topic = rng, published, topics[0]
        self.cities = [capital, *rng.sample(cities.split(","), 3)]
        roles = [*topics[0].roles, *GENERIC.roles]
        self.people = [(rng.choice(roles), rng.choice(WORDS["first"]), surname)
                       for surname in rng.sample(WORDS["surname"], 3)]
        self.bodies = {t: rng.sample(t.agencies, 3) for t in topics}
        self.named: set[object] = set()
        self.turn = rng.randrange(12)
        self.percent = rng.choice((" percent", "%", " per cent"))
        words = [" ".join(rng.choice(WORDS[key + n]) for n in ("", "2", "3") if key + n in WORDS)
                 for key in ("program", "code")]
        super().__init__(country=country, adj=adj, capital=capital, donor=donor,
                         donor_short=donor_short, program="the " + words[0],
                         operation="Operation " + words[1])
        self["gang"] = rng.choice(GANGS).format_map(self)

    def sentence(self, template: str, topic: Topic | None = None) -> str:
        self.topic = topic if topic in self.bodies else next(iter(self.bodies))
        return capitalised(pick(self.rng, template).format_map(self))

    def __missing__(self, slot: str) -> str:
        if slot in WORDS:
            return self.rng.choice(WORDS[slot])
        return getattr(self, "fill_" + slot)()

    def fill_person(self) -> str:
        self.turn += 1
        person = role, first, last = self.people[self.turn % len(self.people)]
        if person in self.named:
            return last
        self.named.add(person)
        return f"{role} {first} {last}"

    def fill_agency(self) -> str:
        body = self.rng.choice(self.bodies[self.topic])
        name, _, acronym = body.partition(" (")
        if body not in self.named:
            self.named.add(body)
            return f"the {body}"
        return f"the {acronym[:-1]}" if acronym and self.rng.random() < 0.7 else f"the {name}"

    def fill_city(self) -> str:
        self.turn += 1
        return self.cities[self.turn % len(self.cities)]

    def fill_amount(self) -> str:
        rng = self.rng
        return rng.choice(MONEY).format(m=f"{rng.uniform(0.5, 95):.1f}".removesuffix(".0"),
                                        k=rng.randrange(100, 1000), b=f"{rng.uniform(1, 9):.1f}")

    def fill_pct(self) -> str:
        return f"{self.rng.randrange(2, 96)}{self.percent}"

    def fill_num(self) -> str:
        return f"{self.rng.randrange(12, self.rng.choice((300, 1000, 1000, 50000))):,}"

    def fill_year(self) -> str:
        return str(self.rng.randrange(self.published.year - 12, self.published.year + 1))

    def fill_war_year(self) -> str:
        return str(self.rng.randrange(1962, 1996))

    def fill_date(self) -> str:
        return written(self.day(), WRITTEN_OUT, self.rng)

    def fill_month(self) -> str:
        day = self.day()
        return f"{WORDS['month'][day.month - 1]} {day.year}"

    def day(self) -> date:
        """A day in the three years before publication: the events a story reports."""
        return self.published - timedelta(days=self.rng.randrange(1, 1000))


# --- stories ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """What an article says, whichever outlet's page carries it."""
    outlet: int  # index in OUTLETS of the outlet that published it first
    title: str
    author: str | None
    published: date | None
    blocks: tuple[tuple[str, str], ...]  # ("p", paragraph) or ("h", subheading)
    topics: tuple[str, ...]
    country: str
    place: str  # the dateline's city
    caption: str


def story_start(k: int, seed: int) -> tuple[Random, int]:
    """Story ``k``'s random stream after its first draw, its outlet: a cheap way to find an
    outlet's stories."""
    rng = Random(f"{seed}:{k}:story")
    return rng, rng.randrange(len(OUTLETS))


@functools.lru_cache(maxsize=SYNDICATION_WINDOW)  # copies and teasers reuse recent stories
def make_story(k: int, seed: int) -> Story:
    """Story ``k`` of the corpus made with ``seed``, whatever the corpus's size."""
    rng, outlet = story_start(k, seed)
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    topics = story_topics(rng)
    cast = Cast(rng, [TOPICS[t] for t in topics], published)
    anonymous = rng.random() < ANONYMOUS_SHARE or OUTLETS[outlet].kind == "gov"
    return Story(
        outlet=outlet,
        title=headline(cast.sentence(rng.choice(TOPICS[topics[0]].titles))),
        author=None if anonymous else rng.choice(OUTLETS[outlet].staff),
        published=None if rng.random() < UNDATED_SHARE else published,
        blocks=story_blocks(rng, cast, [TOPICS[t] for t in topics]),
        topics=topics, country=cast["country"], place=cast.fill_city(),
        caption=cast.sentence(rng.choice(CAPTIONS)))


def story_topics(rng: Random) -> tuple[str, ...]:
    main = rng.choice(OFF_TOPIC if rng.random() < OFF_TOPIC_SHARE else ON_TOPIC)
    if rng.random() >= SECOND_TOPIC_SHARE:
        return (main,)
    return main, rng.choice([t for t in ON_TOPIC if t != main])


def dealt(rng: Random, items: tuple[str, ...]):
    """The items in random order, each once, then again in a new order: a story repeats a
    template only after using all the others."""
    while True:
        deck = list(items)
        rng.shuffle(deck)
        yield from deck


def story_blocks(rng: Random, cast: Cast, topics: list[Topic]) -> tuple[tuple[str, str], ...]:
    """Paragraphs of 1-4 sentences: three in five on the main topic, one in five on the
    second (if any) and the rest generic; some open with a quote; long stories get
    subheadings."""
    count = round(rng.lognormvariate(0, PARAGRAPH_SIGMA) * MEDIAN_PARAGRAPHS)
    count = min(max(count, MIN_PARAGRAPHS), MAX_PARAGRAPHS)
    sources = (topics[0], topics[-1], GENERIC)
    decks = [(topic, dealt(rng, topic.sentences)) for topic in sources]
    headings = dealt(rng, topics[0].headings + GENERIC.headings)
    blocks, openings = [], set()
    for index in range(count):
        if index >= 2 and count >= MIN_PARAGRAPHS_FOR_HEADINGS and rng.random() < HEADING_SHARE:
            blocks.append(("h", next(headings)))
        sentences = [quotation(rng, cast, topics[0])] if rng.random() < QUOTE_SHARE else []
        for _ in range(rng.choice((1, 2, 2, 3, 3, 4)) - len(sentences)):
            topic, deck = rng.choices(decks, weights=(3, len(topics) - 1, 1))[0]
            sentences.append(cast.sentence(next(deck), topic))
        blocks.append(("p", new_opening(rng, " ".join(sentences), openings)))
    return tuple(blocks)


def new_opening(rng: Random, paragraph: str, openings: set[str]) -> str:
    """``paragraph``, led by a connective if an earlier one opens with the same words: real
    stories do not repeat an opening (and the cleaner drops such repeats as furniture)."""
    if paragraph[:OPENING_CHARS] in openings:
        first, _, rest = paragraph.partition(" ")
        first = first.lower() if first in {"The", "A", "An", "About", "Some"} else first
        paragraph = next((led for led in (f"{c}, {first} {rest}" for c in rng.sample(
            CONNECTIVES, 4)) if led[:OPENING_CHARS] not in openings), paragraph)
    openings.add(paragraph[:OPENING_CHARS])
    return paragraph


def quotation(rng: Random, cast: Cast, topic: Topic) -> str:
    words = cast.sentence(rng.choice(topic.quotes))
    if rng.random() < 0.5:
        return f"“{words[:-1]},” {pick(rng, rng.choice(SAID_AFTER)).format_map(cast)}."
    return f"{cast.sentence(rng.choice(SAID_BEFORE))}: “{words}”"


# --- outlets ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Teaser:
    title: str
    date: str
    summary: str


@dataclass(frozen=True)
class Outlet:
    """One site's page furniture and habits: the same on every page it serves."""
    name: str
    kind: str  # news, wire, ngo or gov
    domain: str
    banner: tuple[str, ...]
    menu: tuple[str, ...]
    cookie: tuple[str, ...]
    share: tuple[str, ...]
    appeals: tuple[str, ...]
    related: str  # the teaser section's heading
    inline_related: str | None  # "Read also: {title}" between paragraphs
    footer: tuple[str, ...]
    staff: tuple[str, ...]
    byline: str
    date_format: str
    date_place: str  # line, byline, dateline or above (the title)
    title_style: str  # plain, twice, breadcrumb, suffix or none
    extras: frozenset[str]  # section, analysis, caption, tags, bio, about, updated, share-top
    declares: frozenset[str]  # in HTML <head>: og, date, author, json-ld
    semantic: bool  # HTML: <header>, <nav>, <aside>, <footer>; else <div>s
    blank_lines: bool  # text: blank lines between blocks, like most scrapes
    wrap: bool  # text: paragraphs hard-wrapped at WRAP_WIDTH
    teasers: tuple[Teaser, ...]  # the site's "Most read" at the time it was scraped


def make_outlet(entry: str) -> Outlet:
    """An outlet's habits, drawn once from its name: the same whatever the corpus seed."""
    name, _, kind = entry.partition(":")
    kind = kind or "news"
    rng = Random(name)
    extras = frozenset(e for e, share in EXTRAS.items() if rng.random() < share) | (
        {"about", "analysis"} if kind == "ngo" else set())
    date_format = rng.choice(DATE_FORMATS)
    wrap = kind == "wire" or rng.random() < 0.05  # hard-wrapped text always has blank lines
    words = re.findall(r"\w+", name.lower())
    return Outlet(
        name=name, kind=kind, domain=f"{''.join(words[-2:])}.{'gov' if kind == 'gov' else 'org'}",
        banner=banner(rng, name, kind),
        menu=("Home", *rng.sample(MENU[1:], rng.randrange(4, 12))),
        cookie=() if kind == "gov" or rng.random() < 0.4 else rng.choice(COOKIES),
        share=rng.choice(SHARE_BARS),
        appeals=tuple(a.format(name=name) for a in rng.sample(
            APPEALS, 0 if kind == "gov" else rng.randrange(1, 4))),
        related=rng.choice(RELATED).format(name=name),
        inline_related=rng.choice(INLINE_RELATED) if rng.random() < 0.3 else None,
        footer=footer(rng, name, kind),
        staff=tuple(f"{rng.choice(WORDS['first'])} {rng.choice(WORDS['surname'])}"
                    for _ in range(8)),
        byline=rng.choice(BYLINES), date_format=date_format,
        date_place=rng.choice(("line", "line", "byline", "above", "dateline"))
        if kind != "wire" else "dateline",
        title_style=rng.choice(("plain", "plain", "twice", "breadcrumb", "suffix", "none")
                               [: 6 if kind == "gov" else 5]),
        extras=extras, declares=frozenset(d for d in ("og", "date", "author", "json-ld")
                                          if rng.random() < 0.6),
        semantic=rng.random() < 0.6, wrap=wrap, blank_lines=wrap or rng.random() < 0.85,
        teasers=tuple(teaser(rng, date(CRAWL_YEAR, 6, 1), date_format)
                      for _ in range(SITE_TEASERS)))


def banner(rng: Random, name: str, kind: str) -> tuple[str, ...]:
    if kind == "gov":
        return (*GOV_BANNER, *ARCHIVE_NOTICE[: 2 * rng.randrange(2)], name)
    tagline = rng.choice(("Independent news and analysis", "Security, justice and politics",
                          "News from the Americas since 1998", ""))
    return rng.choice(((name,), (name.upper(),), ("Skip to content", name))) + (
        (tagline,) if tagline else ())


def footer(rng: Random, name: str, kind: str) -> tuple[str, ...]:
    if kind == "gov":
        return name, "Privacy Policy", "Accessibility Statement", "FOIA"
    licence = (CREATIVE_COMMONS.format(name=name),) if kind == "ngo" else ()
    return (*licence, *rng.choice(LEGAL), rng.choice(COPYRIGHT).format(year=CRAWL_YEAR, name=name))


def teaser(rng: Random, near: date, date_format: str) -> Teaser:
    """A made-up story's teaser: its own title, date and cut-off summary."""
    topic = TOPICS[rng.choice(ON_TOPIC)]
    cast = Cast(rng, [topic], near)
    return Teaser(headline(cast.sentence(rng.choice(topic.titles))),
                  written(near - timedelta(days=rng.randrange(90)), date_format, rng),
                  cut(cast.sentence(rng.choice(topic.sentences))))


def cut(text: str) -> str:
    return text if len(text) <= TEASER_CHARS else text[:TEASER_CHARS].rsplit(" ", 1)[0] + "…"


OUTLETS = tuple(make_outlet(entry) for entry in re.split(r"[|\n]", OUTLET_NAMES))

# --- pages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedPage:
    """What one saved page shows, in reading order, before it is written as text or HTML."""
    title_line: str | None  # "Title - Outlet": the <title> some text scrapes start with
    section: str | None
    headline: tuple[str, ...]  # title lines as the text scrape shows them
    byline: str | None
    date_line: str | None
    updated: str | None
    share: tuple[str, ...]
    body: tuple[tuple[str, str], ...]  # ("p" | "h" | "aside" | "caption", text)
    after: tuple[str, ...]  # credit, bio, share bar, tags, appeals
    teasers: tuple[Teaser, ...]
    about: tuple[Teaser, ...]


def compose(story: Story, outlet: Outlet, rng: Random, *, original: Outlet | None,
            teasers: tuple[Teaser, ...]) -> SavedPage:
    """``story`` on ``outlet``'s page; ``original`` names the first publisher of a copy."""
    published = story.published and written(story.published, outlet.date_format, rng)
    byline = story.author and outlet.kind != "gov" and outlet.byline.format(
        author=story.author, AUTHOR=story.author.upper(), name=(original or outlet).name)
    if published and outlet.date_place == "byline" and byline:
        byline, published = f"{byline} | {published}", None
    date_line = None if outlet.date_place == "dateline" else published
    updated = date_line and "updated" in outlet.extras and "Updated: " + written(
        story.published + timedelta(days=rng.randrange(1, 20)), WRITTEN_OUT, rng)
    title = story.title
    headline_lines = {"plain": (title,), "twice": (title, title), "none": (),
                      "breadcrumb": (f"HomeNews{TOPICS[story.topics[0]].section}{title}", title),
                      "suffix": (title,)}[outlet.title_style]
    extras = outlet.extras
    return SavedPage(
        title_line=f"{title} - {outlet.name}" if outlet.title_style == "suffix" else None,
        section=" | ".join([TOPICS[t].section for t in story.topics] + [story.country])
        if "section" in extras else None,
        headline=headline_lines,
        byline=byline or None,
        date_line=date_line or None,
        updated=updated or None,
        share=outlet.share if "share-top" in extras else (),
        body=page_body(story, outlet, rng),
        after=tuple(after_story(story, outlet, rng, original)),
        teasers=teasers,
        about=outlet.teasers[-3:] if "about" in extras else ())


def page_body(story: Story, outlet: Outlet, rng: Random) -> tuple[tuple[str, str], ...]:
    blocks = list(story.blocks)
    if outlet.date_place == "dateline" and story.published:
        when = written(story.published, WRITTEN_OUT, rng)
        place = story.place.upper()  # "GUATEMALA CITY, March 3, 2021 —"; NGOs as seeds/004
        prefix = {"wire": f"{place}, {when} ({outlet.name}) —", "news": f"{place}, {when} —"}.get(
            outlet.kind, f"{outlet.name}, {when}:")
        blocks[0] = ("p", f"{prefix} {blocks[0][1]}")
    if "caption" in outlet.extras:
        blocks.insert(1, ("caption", f"{story.caption}. (Photo: {outlet.name})"))
    if "analysis" in outlet.extras and len(blocks) >= 6:
        blocks.insert(len(blocks) * 3 // 5, ("h", f"{outlet.name} Analysis"))
    if outlet.inline_related and len(blocks) >= 5:
        title = rng.choice(outlet.teasers).title
        blocks.insert(3, ("aside", outlet.inline_related.format(title=title)))
    return tuple(blocks)


def after_story(story: Story, outlet: Outlet, rng: Random, original: Outlet | None):
    if original:
        yield CREDIT.format(name=original.name)
    if "bio" in outlet.extras and story.author:
        yield pick(rng, BIOS).format(author=story.author, name=outlet.name)
    yield from outlet.share
    if "tags" in outlet.extras:
        yield "Tags: " + ", ".join([story.country, *(TOPICS[t].section for t in story.topics)])
    yield from outlet.appeals


def page_teasers(k: int, outlet: int, rng: Random, seed: int) -> tuple[Teaser, ...]:
    """Two or three of the site's current teasers, then one of its earlier stories (a
    "Related" list links the site's own articles, which may be in the corpus too) or a
    made-up one."""
    site = OUTLETS[outlet]
    window = range(k - 1, max(k - RELATED_WINDOW, 0) - 1, -1) if rng.random() < RELATED_SHARE \
        else ()
    earlier = next((j for j in window if story_start(j, seed)[1] == outlet), None)
    if earlier is None:
        last = teaser(rng, date(CRAWL_YEAR, 1, 1), site.date_format)
    else:
        story = make_story(earlier, seed)
        last = Teaser(story.title, written(story.published or date(CRAWL_YEAR, 1, 1),
                                           site.date_format, rng), cut(story.blocks[0][1]))
    return (*rng.sample(site.teasers, rng.randrange(2, 4)), last)


def as_text(page: SavedPage, outlet: Outlet) -> str:
    """A naive text scrape: every block on its own line, in page order."""
    def paragraph(kind: str, text: str) -> str:
        return textwrap.fill(text, WRAP_WIDTH) if outlet.wrap and kind == "p" else text

    dates = (page.date_line, page.updated)
    above, below = (dates, ()) if outlet.date_place == "above" else ((), dates)
    lines = [line for line in (
        page.title_line, *outlet.banner, *outlet.cookie, *outlet.menu, page.section, *above,
        *page.headline, page.byline, *below, *page.share,
        *(paragraph(kind, text) for kind, text in page.body), *page.after, outlet.related)
        if line]
    for item in page.teasers:
        lines += [item.title, item.date, item.summary]
    if page.about:
        lines.append(f"About {outlet.name}")
        lines += [line for item in page.about for line in (item.title, item.date, item.summary)]
    lines += outlet.footer
    return ("\n\n" if outlet.blank_lines else "\n").join(lines) + "\n"


def as_html(page: SavedPage, story: Story, outlet: Outlet) -> str:
    """The raw page: metadata in <head>, furniture around an <article>."""
    root = Element("html", lang="en")
    head(SubElement(root, "head"), story, outlet)
    body = SubElement(root, "body", {"class": "single post-template"})
    if outlet.cookie:
        cookie = add(body, "div", None, class_="cookie-consent")
        for line in outlet.cookie:
            add(cookie, "p", line)
    top = add(body, "header" if outlet.semantic else "div", None, class_="site-header")
    for line in outlet.banner:
        add(top, "div", line, class_="brand")
    menu = add(add(top, "nav" if outlet.semantic else "div", None, class_="menu"), "ul")
    for item in outlet.menu:
        add(add(menu, "li"), "a", item, href="/" + slug(item) + "/")
    article = add(add(body, "main" if outlet.semantic else "div", None, id="content"), "article")
    if page.section:
        add(article, "div", page.section, class_="breadcrumbs")
    add(article, "h1", story.title, class_="entry-title")
    if page.byline:
        add(article, "p", page.byline, class_="byline")
    if page.date_line:
        add(article, "time", page.date_line, datetime=story.published.isoformat())
    if page.updated:
        add(article, "p", page.updated, class_="updated")
    html_share(article, page.share)
    content = add(article, "div", None, class_="entry-content")
    for kind, text in page.body:
        html_block(content, kind, text)
    box = add(article, "aside", None, class_="promo") if outlet.semantic else article
    for line in page.after:
        add(box, "p", line, class_="post-meta")
    html_teasers(add(body, "aside" if outlet.semantic else "div", None, class_="related"),
                 outlet.related, page.teasers)
    if page.about:
        html_teasers(add(body, "div", None, class_="widget"), f"About {outlet.name}", page.about)
    bottom = add(body, "footer" if outlet.semantic else "div", None, class_="site-footer")
    for line in outlet.footer:
        add(bottom, "p", line)
    indent(root)
    return "<!DOCTYPE html>\n" + tostring(root, encoding="unicode", method="html") + "\n"


def head(element: Element, story: Story, outlet: Outlet) -> None:
    """<title>, and what the outlet declares: OpenGraph, date, author, JSON-LD."""
    SubElement(element, "meta", charset="utf-8")
    add(element, "title", f"{story.title} | {outlet.name}")
    url = f"https://www.{outlet.domain}/news/{slug(story.title)}"
    SubElement(element, "link", rel="canonical", href=url)
    declared = {"og": [("property", "og:title", story.title),
                       ("property", "og:site_name", outlet.name), ("property", "og:url", url)],
                "date": [("property", "article:published_time", f"{story.published}T12:00:00Z")]
                if story.published else [],
                "author": [("name", "author", story.author)] if story.author else []}
    for kind in sorted(outlet.declares & declared.keys()):
        for attribute, key, value in declared[kind]:
            SubElement(element, "meta", {attribute: key, "content": value})
    if "json-ld" in outlet.declares:
        data = {"@context": "https://schema.org", "@type": "NewsArticle",
                "headline": story.title, "publisher": {"@type": "Organization",
                                                       "name": outlet.name}}
        if story.published:
            data["datePublished"] = story.published.isoformat()
        if story.author:
            data["author"] = {"@type": "Person", "name": story.author}
        add(element, "script", json.dumps(data, ensure_ascii=False), type="application/ld+json")
    add(element, "script", "window.dataLayer = window.dataLayer || []; "
        "dataLayer.push({'event': 'pageview'});")
    add(element, "style", "body { font-family: sans-serif; } .cookie-consent { position: fixed; }")


def html_share(parent: Element, labels: tuple[str, ...]) -> None:
    if labels:
        bar = add(parent, "div", None, class_="share-buttons")
        for label in labels:
            add(bar, "a", label, href="#", class_="share")


def html_block(content: Element, kind: str, text: str) -> None:
    if kind == "caption":
        figure = add(content, "figure")
        SubElement(figure, "img", src="/media/photo.jpg", alt="")
        add(figure, "figcaption", text)
    elif kind == "aside":
        add(add(content, "div", None, class_="inline-related"), "a", text, href="/news/")
    else:
        add(content, "p" if kind == "p" else "h2", text)


def html_teasers(box: Element, heading: str, teasers: tuple[Teaser, ...]) -> None:
    add(box, "h2", heading)
    items = add(box, "ul")
    for item in teasers:
        entry = add(items, "li")
        add(add(entry, "a", None, href="/news/" + slug(item.title)), "h3", item.title)
        add(entry, "span", item.date, class_="date")
        add(entry, "p", item.summary)


def add(parent: Element, tag: str, text: str | None = None, **attributes: str) -> Element:
    """A child element with ``text``; ``class_="x"`` is the attribute ``class``."""
    element = SubElement(parent, tag, {k.rstrip("_"): v for k, v in attributes.items()})
    element.text = text
    return element


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- files ------------------------------------------------------------------------------------


def source_index(k: int, *, seed: int = 0) -> int:
    """The article whose story article ``k`` carries: ``k``, or for a syndicated copy the
    earlier article it copies (its story on another outlet's page)."""
    rng = Random(f"{seed}:{k}:copy")
    if k == 0 or rng.random() >= SYNDICATED_SHARE:
        return k
    return source_index(rng.randrange(max(0, k - SYNDICATION_WINDOW), k), seed=seed)


def article(k: int, *, seed: int = 0) -> tuple[str, str]:
    """Article ``k`` as (file name, content); it depends on ``seed`` and ``k`` only."""
    rng = Random(f"{seed}:{k}:page")
    source = source_index(k, seed=seed)
    story = make_story(source, seed)
    original = OUTLETS[story.outlet] if source != k else None
    index = (story.outlet + rng.randrange(1, len(OUTLETS))) % len(OUTLETS) if original \
        else story.outlet
    outlet = OUTLETS[index]
    page = compose(story, outlet, rng, original=original,
                   teasers=page_teasers(k, index, rng, seed))
    is_html = rng.random() < HTML_SHARE
    name = f"{k:05d}_{rng.getrandbits(64):016x}.{'html' if is_html else 'txt'}"
    return name, as_html(page, story, outlet) if is_html else as_text(page, outlet)


def write_articles(count: int, seeds_dir: Path, *, seed: int = 0) -> list[Path]:
    """Write articles 0 to ``count`` - 1 into ``seeds_dir``; return their paths."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        name, content = article(k, seed=seed)
        paths.append(seeds_dir / name)
        paths[-1].write_bytes(content.encode("utf-8"))
    return paths


def make_project(count: int, target: Path, *, seed: int = 0) -> Path:
    """A project in ``target`` that ``mkdocs build`` builds: this repository's mkdocs.yml,
    hand-written docs/ pages and assets (not the generated pages, which the build writes),
    the theme vocabulary, and ``count`` articles in seeds/."""
    seeds = target / "seeds"
    if seeds.exists() and any(seeds.iterdir()):
        raise FileExistsError(f"{seeds} already holds articles: give an empty or new folder")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    hand_written = [path for path in sorted((REPO / "docs").rglob("*")) if path.is_file()
                    and not (path.suffix == ".md" and is_generated(path))]
    for path in [*hand_written, REPO / VOCABULARY]:
        copy = target / path.relative_to(REPO)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, copy)
    write_articles(count, seeds, seed=seed)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, metavar="N", help="how many articles")
    parser.add_argument("target", type=Path, metavar="DIR", help="the project folder to make")
    parser.add_argument("--seed", type=int, default=0, help="another seed, another corpus")
    args = parser.parse_args(argv)
    make_project(args.count, args.target, seed=args.seed)
    print(f"{args.count} articles in {args.target / 'seeds'}; "
          f"build with: mkdocs build -f {args.target / 'mkdocs.yml'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
