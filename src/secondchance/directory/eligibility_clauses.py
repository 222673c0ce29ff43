"""A listing's text cut into clauses, with the lines that can decide nothing dropped first."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from .eligibility_lexicon import ARTICLES, FILLERS, OPENERS, WIDENERS, ci


def clauses(text: str) -> list[str]:
    """Sentences and ``;``-parts of a text (a period inside "U.S." or "a.m." does not split)."""
    parts = re.split(
        r"(?<!\b[A-Za-z])(?<!\bSt)(?<!\bMt)(?<!\bFt)(?!(?<=\bCo)\.\s+[Rr]esidents?\b)[.;!\n]+(?=\s|$)|;|\n", text
    )
    return [" ".join(p.split()).strip(" ,:-") for p in parts if p and p.strip(" ,:-\t")]


#: A line that lists values under a label ("Immigration status: Asylee; Refugee; ..."): alternatives,
#: each of which someone may be; a limit inside one item ("Victim of Trafficking (18 and over)") binds nobody.
LABELLED_LIST = re.compile(r"^\s*[A-Z][\w /-]{0,30}:\s.*;")
#: A clause whose requirement holds for one part of the service ("For emergency assistance, ...").
SCOPED = ci(r"^(?:for|in|with)\s+(?!residents?\s+of\b)[\w /-]{1,40},")  # "For residents of A, B and C counties": who
#: "None for most services": what other clauses say holds only for some of the service.
PARTLY = ci(r"^\s*(?:none|no\s*(?:requirements|restrictions))\s*(?:for|in)\s*(?:most|some|many)\b")


def decidable(text: str) -> str:
    """The part of a text whose clauses may decide: labelled lists and choice lists dropped.

    Several short lines with no sentence among them (ILAO's "An individual must be one of these to
    qualify": "a youth (17 years or younger)" / "homeless or at risk of homelessness") are a choice:
    nothing in one line binds a person who is another. "Also: ..." lines are read as they are.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and all(len(line.split()) <= 8 and not re.search(r"[.!]$|\bmust\b", line) for line in lines):
        return ""
    kept = [re.sub(r"^Also:\s*", "", line) for line in lines if not LABELLED_LIST.match(line)]
    if any(PARTLY.search(part) for line in kept for part in clauses(line)):
        return ""
    return "\n".join(kept)


_LOWER_MORE: Final = frozenset(
    re.findall(
        r"\w+",
        "of in to or be is at on by an as if no so us do we up it and not with from live lives living reside "
        "resides residing resident residents must",
    )
)
#: Words an all-caps clause keeps in lower case: the grammar's own words, so that only names are capitalised.
_LOWER: Final = FILLERS | ARTICLES | OPENERS | WIDENERS | _LOWER_MORE


def cased(clause: str) -> str:
    """An all-caps clause ("RESIDENT OF HUMBOLDT COUNTY") in the case the place patterns read: the grammar's
    words in lower case, every other word capitalised ("resident of Humboldt County"); two-letter words
    that are not the grammar's ("ID", "VA", "CA") stay as written. A capitalised word that is no place
    name ("Homeless Alameda County") names no county or city the ZIP table knows, so it decides nothing.
    A clause with any lower-case letter is returned as it is."""
    if re.search(r"[a-z]", clause) or not re.search(r"[A-Z]{3}", clause):
        return clause

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if w.lower() in _LOWER:
            return w.lower()
        return w if len(w) <= 2 else w[0] + w[1:].lower()

    return re.sub(r"[A-Z][A-Z']*", word, clause)


#: Misspellings of the words the grammar reads, frequent in listings ("Seinors 62+", "Yuth 16-24"): each is
#: no other English word, so reading it as the word it misspells cannot turn one limit into another. A closed
#: list, not an edit distance: "county"/"counts", "resident"/"president" are one letter apart.
MISSPELT: Final = {
    "senior": "seinor senoir seniro sneior",
    "seniors": "seinors senoirs senors seniros sneiors seniores",
    "youth": "yuth yoth youht yotuh yuoth yought",
    "adults": "adluts aduts adlts audlts",
    "over": "ovr oevr",
    "older": "oldr olderr odler",
    "years": "yeras yaers yeasr yers yeards",
    "veteran": "veteren vetran vetern",
    "veterans": "veterns veteras vetrans veterens veternas vetarans veterants",
    "residents": "residnets recidents residens resdents residants",
    "resident": "residnet recident resdent residant",
    "required": "requierd requred reqiured requird requried",
    "referral": "referal refferal referall refferral",
    "income": "imcome incom incone",
    "insurance": "insurence insurrance insurace insuranse",
    "eligible": "elegible eligable elligible",
    "children": "childern chidren childen",
    "poverty": "povery poverity povrety",
    "patients": "pateints patinets paitents",
    "welcome": "welcom wellcome",
    "felons": "fellons felions",
    "arsonists": "arsinists arsonests",
    "referrals": "refferals referals",
    "families": "famlies familys familes",
    "recovery": "recovry recovey",
    "county": "countey coutny cuonty conty",
    "fpl": "flp",
    "exceptions": "exeptions excepions",
    "sobriety": "sobreity sobriaty",
    "identification": "identificaton identifcation",
    "living": "liveing livng",
    "ladies": "ladys",
    "sober": "sobor sobber",
    "registered": "registerd regsitered registred",
    "violent": "violant voilent violet",
    "felonies": "felonys felonie felonis",
    "certificate": "certifcate certificat certficate cirtificate sertificate",
    "address": "adress addres adddress",
    "residence": "residance",
    # round 13
    "offenders": "offendars offendors offendrs ofenders",
    "arson": "arsen arsun",
    "incarcerated": "incarserated incarcirated incarcerted",
    "women": "wemen womem wommen wimmen",
    "medicaid": "medicad medicade medicaide medicaed medcaid",
    "uninsured": "uninsurred unisured uninsued",
}
_SPELLING: Final = {wrong: right for right, wrongs in MISSPELT.items() for wrong in wrongs.split()}
_MISSPELT_WORD: Final = re.compile(
    rf"\b(?:{'|'.join(sorted(map(re.escape, _SPELLING), key=len, reverse=True))})\b", re.I
)
#: Slips and shorthand said the way the grammar reads them ("a least 18", "w/o kids", "req'd"), and the poverty
#: line said as a multiple or plainly ("twice the poverty level", "below the poverty line") said as the percent
#: the readers read ("200% of the poverty level", "at or below 100% of the poverty line").
SAID_PLAINLY: Final = (
    (ci(r"\ba\s+least\s+(?=\d)"), "at least "),  # "Must be a least 18": a slip of "at least"
    (ci(r"\bfoto\s+(?=id\b)"), "photo "),  # "Bring foto ID"
    # shorthand: "w/ or w/o kids", "Referral req'd"
    (ci(r"\bw/o(?![\w/])"), "without"),
    (ci(r"\bw/(?=\s)"), "with"),
    (ci(r"\breq'?d\b"), "required"),
    # round 12: headers said short ("DOCS NEEDED:", "REQS:", "ELIG:"), "SOs" (sex offenders), "290/SO" (one
    # registry said twice), "birth cert", "income proof", "formally incarcerated" (a slip of "formerly")
    (ci(r"\bdocs(?=\s+needed\b|\s+required\b|\s*:)"), "documents"),
    (ci(r"\breqs(?=\s*:)"), "requirements"),
    (ci(r"\belig(?=\s*:)"), "eligibility"),
    (re.compile(r"\bSOs\b"), "sex offenders"),
    (ci(r"\b(offenders?|veterans?|vetrans?)'s\b(?=\s+only\b|\s*$)"), r"\1s"),  # "no sex offender's", "vetran's only"
    (re.compile(r"(?<=\b290)\s*/\s*SOs?\b"), ""),
    (ci(r"\bbirth\s+cert\b\.?"), "birth certificate"),
    (ci(r"\bincome\s+proof\b"), "proof of income"),
    (ci(r"\bformally\s+(?=incarcerated\b)"), "formerly "),
    # "Pinellas Co. resident": a county said short (round 12)
    (re.compile(r"\b(?:Co|CO|Cnty)\.?(?=\s+[Rr]esidents?\b)"), "County"),
    (
        ci(r"\b(?:twice|2\s*x|2\s*times|two\s+times|double)\s+(?=(?:the\s+)?(?:current\s+)?(?:federal\s+)?poverty\b)"),
        "200% of ",
    ),
    (
        ci(r"\b(?:3\s*x|3\s*times|three\s+times|triple)\s+(?=(?:the\s+)?(?:current\s+)?(?:federal\s+)?poverty\b)"),
        "300% of ",
    ),
    (
        ci(
            r"\b(?:at\s+or\s+)?(?:below|under|beneath)\s+(?=(?:the\s+)?(?:current\s+)?(?:federal\s+)?poverty\s+"
            r"(?:level|line|guidelines?)\b)"
        ),
        "at or below 100% of ",
    ),
)

#: Round 13's shorthand, slips and text-speak ("SS card", "TX ID OR DL", "PTS 18-64 W/ NO INS", "LOW INC", "HOUSING 4
#: VETS", "DD214 REQ", "UA @ INTAKE", "NO SO", "NO FELS"): run only when one of them may be there (``SHORT_ANY``).
SHORT: Final = (
    # round 13: "SS card", "TX ID OR DL", "PTS 18-64 W/ NO INS", "LOW INC", "acta de nacimiento"
    (ci(r"\bss\s+cards?\b"), "Social Security card"),
    (
        ci(
            r"(?<=[a-z])\s+4\s+(?=(?:vets|veterans|women|men|youth|kids|families|seniors|adults|people|moms|dads|teens)\b)"
        ),
        " for ",
    ),
    (ci(r"\breq\b\.?(?=\s*$)"), "required"),
    (ci(r"\bmust\s+have\s+lived\s+in\b"), "must live in"),  # "Must have lived in Colorado for 6 months"
    # "Must live within St. Paul city limits": in the city
    (
        re.compile(r"\b(live|reside)\s+within\s+(?:the\s+)?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})\s+city\s+limits\b"),
        r"\1 in the City of \2",
    ),
    (re.compile(r"\s@\s"), " at "),
    (re.compile(r"\bDL\b"), "driver's license"),
    (ci(r"\bpts\b(?=\s+\d)"), "patients"),
    (ci(r"(?<=\bno\s)ins\b\.?"), "insurance"),
    (ci(r"\blow\s+inc\b\.?"), "low income"),
    (ci(r"\bactas?\s+de\s+nacimiento\b"), "birth certificate"),
    (ci(r"\bse\s+necesitan?\b"), "se requiere"),
    # round 13: "NO SO" (a sex offender, in a list of what is kept out), "NO FELS" (felonies)
    (ci(r"(?<=\bno\s)s\.?o\.?s?(?=\s*(?:[,/•;]|$))"), "sex offenders"),
    (ci(r"(?<=\bno\s)fels\b"), "felonies"),
)
SHORT_ANY: Final = ci(
    r"\bss\s+card|\s4\s|\breq\b|\blived\b|\bcity\s+limits\b|\s@\s|\bdl\b|\bpts\b|\bins\b|\binc\b|\bactas?\b|"
    r"\bnecesitan?\b|\bno\s+(?:s\.?o|fels)\b"
)

#: A county alone as one item of a bulleted list ("• AGES 13-18 • DAVIDSON CO • FREE", "<=150% FPL • Jackson Co •
#: 55+"): the county its people must live in, said short (round 12's labeller). Only between bullets: a county
#: named alone elsewhere may be where the office is.
BULLETED_COUNTY: Final = re.compile(
    r"(?:(?<=•)|(?<=\*)|^)\s*([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s+(?:Co|CO|Cnty|County|COUNTY)\.?(?:\s+(?:Res|RES)\b\.?)?"
    r"\s*(?=[•*])|"
    r"(?:(?<=•)|(?<=\*))\s*([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s+(?:Co|CO|Cnty|County|COUNTY)\.?(?:\s+(?:Res|RES)\b\.?)?"
    r"(?:\s+(?:only|ONLY))?\s*$"
)
_NAME = r"((?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ.'-]*)(?:\s+(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ.'-]*)){0,3})"
#: Spanish shapes of the limits the grammar reads, said in its English words: a county ("condado de Fresno"), who
#: lives there ("que viven en", "residentes del"), no insurance ("sin seguro médico"). Closed shapes only: words the
#: grammar does not know stay as they are and keep the clause from deciding.
SPANISH: Final = (
    (re.compile(rf"\b(?:el\s+)?[Cc]ondado\s+de\s+{_NAME}"), lambda m: f"{_unaccented(m.group(1))} County"),
    (ci(r"\bresidentes\s+(?:del|de\s+la|de)\s+(?=[A-Z])"), lambda m: "residents of "),
    (ci(r"\bresidente\s+(?:del|de\s+la|de)\s+(?=[A-Z])"), lambda m: "resident of "),
    # round 13: "la Parroquia de Orleans" (a parish), "la Ciudad de Salinas", "Santa Ana o Garden Grove"
    (re.compile(rf"\b(?:la\s+)?[Pp]arroquia\s+de\s+{_NAME}"), lambda m: f"{_unaccented(m.group(1))} Parish"),
    (re.compile(r"\b(?:la\s+)?[Cc]iudad\s+de\s+(?=[A-Z])"), lambda m: "the City of "),
    (re.compile(r"(?<=[a-z])\s+o\s+(?=[A-Z])"), lambda m: " or "),
    (ci(r"\bcon\s+(?:una\s+)?baja\s+honorable\b"), lambda m: "with an honorable discharge"),
    (ci(r"\bcon\s+ingresos\s+bajos\b|\bingresos\s+bajos\b"), lambda m: "low-income"),
    (ci(r"\b(?:que\s+)?viv(?:en|e)\s+en\s+(?:el\s+|la\s+|los\s+)?(?=[A-Z])"), lambda m: "who live in "),
    (ci(r"\bdebe\s+vivir\s+en\s+(?:el\s+|la\s+)?(?=[A-Z])"), lambda m: "must live in "),
    (ci(r"\b(?:o|y)\s+sin\s+seguro(?:\s+m[eé]dico)?\b"), lambda m: "or uninsured"),
    (ci(r"\bsin\s+seguro(?:\s+m[eé]dico)?\b"), lambda m: "uninsured"),
    (ci(r"\bcon\s+(?=Medi|Medicaid|Medicare)"), lambda m: "with "),
    (ci(r"\bni[ñn]os\b"), lambda m: "children"),
    # a criminal record ("con récord criminal", "antecedentes penales no son impedimento")
    (
        ci(r"\bcon\s+(?:un\s+)?(?:r[eé]cord|antecedentes)\s+(?:criminal(?:es)?|penales?)\b"),
        lambda m: "with criminal records",
    ),
    (ci(r"\b(?:r[eé]cord|antecedentes?)\s+(?:criminal(?:es)?|penales?)\b"), lambda m: "criminal records"),
    # round 13: "personas con récord" (a record, in a reentry listing's Spanish), "caso por caso"
    (ci(r"\bcon\s+(?:un\s+)?r[eé]cord\b(?!\s+(?:de|m[eé]dico|escolar|limpio))"), lambda m: "with criminal records"),
    (ci(r"\bcaso\s+por\s+caso\b"), lambda m: "case by case"),
    (ci(r"\bno\s+(?:son|es)\s+(?:un\s+)?(?:impedimento|obst[aá]culo)\b"), lambda m: "are not a barrier"),
    (ci(r"\baceptamos\b"), lambda m: "we accept"),
    # "55 años o mayores", "18 años en adelante", "60 años o más": an age and up; "de bajos ingresos": low income
    (
        ci(r"\b(\d{1,2})\s+años\s+(?:o\s+(?:mayores|más|mas)|en\s+adelante)\b"),
        lambda m: f"{m.group(1)} years and older",
    ),
    (ci(r"\b(?:de\s+)?(?:bajos\s+ingresos|escasos\s+recursos)\b"), lambda m: "low-income"),
    # round 12: an age "at least N" ("al menos 18 años cumplidos"), "must be N" ("debe tener 18 años": at least 18)
    (
        ci(r"\b(?:al|por\s+lo)\s+menos\s+(\d{1,2})\s+años(?:\s+cumplidos)?\b"),
        lambda m: f"at least {m.group(1)} years old",
    ),
    (
        ci(r"\bdebe\s+tener\s+(\d{1,2})\s+años(?:\s+cumplidos)?(?!\s*(?:o|y|a|de|en|hasta|\d))"),
        lambda m: f"must be at least {m.group(1)} years old",
    ),
    # ... an income limit as a percent of the poverty level ("Ingresos al o por debajo del 150% del nivel federal de
    # pobreza", "ingresos hasta 200% del nivel de pobreza", "ingresos bajo 250% de la pobreza federal")
    (
        ci(
            r"\b(?:(?:los\s+)?ingresos?\s+(?:familiares\s+|del\s+hogar\s+)?(?:deben\s+estar\s+|de\s+)?)?"
            r"(?:al\s+o\s+por\s+debajo\s+del?|por\s+debajo\s+del?|bajo(?:\s+el)?|hasta(?:\s+el)?|menos\s+del?|menores\s+al?|"
            r"no\s+m[aá]s\s+del?)\s+(\d{2,3})\s*%\s+(?:del?\s+(?:la\s+)?)?(?:nivel\s+(?:federal\s+)?de\s+(?:la\s+)?pobreza"
            r"(?:\s+federal)?|pobreza(?:\s+federal)?|fpl)\b"
        ),
        lambda m: f"income at or below {m.group(1)}% of the federal poverty level",
    ),
    (ci(r"\b(?:con\s+)?ingresos\s+limitados\b"), lambda m: "with limited income"),
    (ci(r"\bbajos\s+recursos\b"), lambda m: "low-income"),
    # ... a paper ("tarjeta de Seguro Social"), a referral ("Se requiere referencia", "No se necesita referido"),
    # people released ("personas que salieron de la cárcel"), registrants ("delincuentes sexuales registrados"), a
    # clean time ("sobrio por lo menos 30 días"), random drug tests ("prueba de drogas al azar")
    (ci(r"\btarjetas?\s+de(?:l)?\s+seguro\s+social\b"), lambda m: "Social Security card"),
    (
        ci(r"\bno\s+se\s+(?:necesita|requiere)\s+(?:un\s+)?(?:referido|referencia)\b"),
        lambda m: "no referral needed",
    ),
    (
        ci(r"\bno\s+(?:hace\s+falta|es\s+necesari[oa])\s+(?:un\s+|una\s+)?(?:referido|referencia)\b"),
        lambda m: "no referral needed",
    ),
    (
        ci(r"\bse\s+(?:necesita|requiere)\s+(?:un\s+|una\s+)?(?:carta\s+de\s+)?(?:referido|referencia)\b"),
        lambda m: "referral required",
    ),
    # ... from whom ("de su consejero", "de su agente", "de su médico"): the referrers the grammar reads
    (
        ci(
            r"(?<=referral\srequired)\s+de\s+su\s+(?:consejer[oa]|agente|m[eé]dic[oa]|doctor(?:a)?|trabajador(?:a)?\s+social)\b"
        ),
        lambda m: " from your counselor",
    ),
    # ... sobriety ("estar limpio de drogas", "30 días limpia", "vivienda sobria")
    (ci(r"\bestar\s+limpi[oa]s?\s+de\s+(?:drogas|alcohol)(?:\s+y\s+(?:drogas|alcohol))?\b"), lambda m: "estar sobrio"),
    (ci(r"\b(\d{1,3})\s+d[ií]as\s+limpi[oa]s?\b"), lambda m: f"{m.group(1)} days clean"),
    (ci(r"\bvivienda\s+sobria\b"), lambda m: "sober living"),
    (
        ci(
            r"\b(?:personas\s+)?que\s+(?:(?:salieron|salen|han\s+salido)\s+de|estuvieron\s+en|han\s+estado\s+en)\s+"
            r"(?:la\s+)?(?:c[aá]rcel|prisi[oó]n)(?:\s+(?:estatal|federal))?(?!\s+del?\b)"
        ),
        lambda m: "people released from prison",
    ),
    (ci(r"\bno\s+se\s+aceptan\s+(?=delincuentes\s+sexuales\b|registrados\b|incendi)"), lambda m: "no "),
    (ci(r"\bregistrados\s+(?:del?\s+)?(?:pc\s*)?290\b"), lambda m: "290 registrants"),
    (ci(r"\b(?:casos?\s+de\s+)?incendios?\s+provocados?\b"), lambda m: "arson"),
    (ci(r"\bdelincuentes\s+sexuales\s+registrados\b"), lambda m: "registered sex offenders"),
    (ci(r"\bdelincuentes\s+sexuales\b"), lambda m: "sex offenders"),
    (
        ci(r"\bsobri[oa]s?\s+(?:por\s+lo\s+menos|al\s+menos)\s+(\d{1,3})\s+d[ií]as\b"),
        lambda m: f"sober for at least {m.group(1)} days",
    ),
    (ci(r"\bpruebas?\s+de\s+drogas?\s+al\s+azar\b"), lambda m: "random drug testing"),
    (ci(r"\blimpi[oa]s?\s+y\s+sobri[oa]s?\b"), lambda m: "clean and sober"),
    (ci(r"\b(\d{1,3})\s+d[ií]as\s+de\s+sobriedad\b"), lambda m: f"{m.group(1)} days of sobriety"),
    (ci(r"\bse\s+atiende\s+a\b|\batendemos\s+a\b|\bservimos\s+a\b"), lambda m: "serving"),
    (ci(r"\bbienvenid[oa]s\b"), lambda m: "welcome"),
    (re.compile(r"(?<=\d{5})\s+y\s+(?=\d{5}\b)"), lambda m: " and "),  # "93030, 93033 y 93036"
    (re.compile(r",\s+y\s+"), lambda m: ", and "),
)


def _unaccented(name: str) -> str:
    """ "Los Ángeles" as the place tables spell it."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn")


def plain(clause: str) -> str:
    """A clause with its frequent misspellings of the grammar's words mended and the poverty line said as a
    percent, so one grammar reads every way of writing the same limit."""

    def mend(m: re.Match[str]) -> str:
        right = _SPELLING[m.group(0).lower()]
        if m.group(0).isupper():
            return right.upper()
        return right.capitalize() if m.group(0)[0].isupper() else right

    clause = _MISSPELT_WORD.sub(mend, clause)
    for pattern, said in SAID_PLAINLY:
        clause = pattern.sub(said, clause)
    if SHORT_ANY.search(clause):
        for pattern, said in SHORT:
            clause = pattern.sub(said, clause)
    clause = BULLETED_COUNTY.sub(lambda m: f" {m.group(1) or m.group(2)} County residents ", clause)
    if re.search(
        r"[áéíóúñ]|\b(?:de|para|del|los|las|que|con|sin|son|se|debe|antecedentes|aceptamos|delincuentes|registrados|incendios?|hace|vivienda|exclusivo|parroquia|"
        r"ciudad|baja|ingresos)\b",
        clause,
        re.I,
    ):
        for spanish, english in SPANISH:
            clause = spanish.sub(english, clause)
    return clause
