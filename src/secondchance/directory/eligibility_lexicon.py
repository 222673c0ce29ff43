"""Words shared by the eligibility readers: hedges, and the case-insensitive pattern helper."""

from __future__ import annotations

import re
from typing import Final

from .geo import STATES


def ci(pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern (listings write "AGE 18+", "Age 18+" and "age 18+")."""
    return re.compile(pattern, re.IGNORECASE)


HEDGE: Final = ci(
    r"\b(?:priority|prioritiz\w*|prefer\w*|encourag\w*|especially|particularly|may|might|some|most(?!\s+recent\b)|"
    r"usually|generally|typically|often|vary|varies|recommended|ideally|welcome to apply|not limited to|"
    r"mostly|mainly|primarily|largely|predominantly|chiefly|"
    r"including but)\b"
)


#: "live(s)/living in", never a service's name ("Women's sober living in Redding", "assisted living in Mesa"): a place
#: after a kind of housing says where it is, not who is served.
LIVE: Final = (
    "".join(
        rf"(?<!(?i:{w})\s)"
        for w in ("sober", "assisted", "independent", "supportive", "transitional", "group", "recovery", "shared")
    )
    + r"(?:[Ll]iv(?:e|es|ing))"
)
#: A state's own name for its Medicaid ("TennCare", "Healthy Louisiana", "NJ FamilyCare", "Denti-Cal": Medi-Cal's
#: dental part): still Medicaid. A closed list of program names, none another English word.
MEDICAID_NAMES: Final = (
    r"medicaid|medi[- ]cal|masshealth|apple\s+health|ahcccs|tenncare|soonercare|healthy\s+louisiana|"
    r"(?:nj\s+)?familycare|healthy\s+michigan(?:\s+plan)?|health\s+first\s+colorado|mainecare|denti[- ]cal|"
    r"badgercare(?:\s+plus)?|kancare|hoosier\s+healthwise|oregon\s+health\s+plan|"
    # round 12: Connecticut's, Missouri's, Vermont's, Oregon's (said short) and Minnesota's or Pennsylvania's
    # ("on/with Medical Assistance", capitalised: "medical assistance" alone is help with bills)
    r"(?-i:HUSKY|Husky\s+(?:Health|[A-D]))|mo\s+healthnet|dr\.?\s+dynasaur|(?-i:OHP)|"
    r"(?:(?<=\bon\s)|(?<=\bwith\s)|(?<=\bhave\s))(?-i:Medical\s+Assistance)"
)
#: Private insurers and plan types named for private insurance ("Blue Cross PPO", "Aetna", "PPO plans only").
PRIVATE_NAMES: Final = (
    r"(?:blue\s+cross(?:\s+(?:and\s+|&\s+|/\s*)?blue\s+shield)?|bcbs|united\s*healthcare|aetna|cigna)"
    r"(?:\s+(?:ppo|hmo|epo))?|(?:ppo|hmo|epo)(?:\s+(?:plans?|insurance))?"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Who a requirement sentence is about ("Adults 18+", "Clients must be sober"). Joined to a limit by
#: "and" they name another group served beside it ("youth 16-24 and adults"), so the clause says nothing.
SUBJECTS: Final = _words(
    "people persons person individuals individual adults adult clients client participants participant applicants "
    "applicant residents resident patients patient members member youth youths teens teen teenagers children kids "
    "seniors senior elders elderly students guests tenants households household consumers customers those anyone "
    "everyone families family parents couples others adolescents minors juveniles infants toddlers survivors victims "
    "caregivers spouses dependents preschoolers folks kupuna workers"
)
#: What is offered: "Emergency shelter for adult males". After "for"/"at"/"in" beside a limit they scope it.
SERVICE_NOUNS: Final = _words(
    "program programs services service shelter housing center clinic home residence facility site project "
    "house beds bed dorm training job jobs apartment apartments treatment outpatient legal aid food pantry meal meals "
    "dental tutoring class classes care "
    # round 12: what a listing's name ends on after the people it serves ("Corpus Christi veterans job club",
    # "Casper men's mission", "Beckley food box for veterans"): the service, as "program" is
    "club clubs mission box boxes lunch lunches bank lockers storage fuel van workshop workshops halfway"
)
ARTICLES: Final = _words("a an the our this all any their his her")
#: The closed list of words a requirement sentence may hold besides its value expressions: subjects and
#: the qualifiers that only narrow who they are, modals, "be", "only", "required", "open to", headers.
#: Not here, on purpose: hedges, negations, "or", "also", "some", "most", "except", numbers, time words.
FILLERS: Final = (
    (SUBJECTS - _words("everyone parents couples others victims caregivers spouses dependents"))
    | SERVICE_NOUNS
    | _words("a an the our this all")
    | _words(
        "must should shall will need needs needed to be is are been being have has having who that "
        "and of in at on for with as by from "
        "only exclusively solely strictly required requirement requirements requires require necessary mandatory "
        "serves serving serve served open welcome welcomed accepted accept accepts accepting eligible eligibility "
        "qualify qualifies qualified limited restricted available "
        "criteria qualifications population target who what bring documents documentation proof copy copies valid "
        "current show provide present "
        "age ages aged gender sex residency income household hh annual gross insurance health coverage plans "
        "beneficiaries recipients enrollees covered taken billed "
        "adult young older single homeless unemployed underemployed jobseekers seeking job seekers "
        "transitional emergency residential "
        # a condition or a loss that only narrows ("Widowed women 55+", "blind adults 55+", "deaf adults 18+")
        "widowed bereaved deaf blind deafblind "
        "hire hires hiring consider considered work works "
        "your please we you status verified enrolled remain maintain stay walk ins very recovery transition tay "
        "pregnant expecting expectant parenting experiencing homelessness families family live lives living reside "
        "resides residing enrollment admission intake earn earns earning demonstrate demonstrated here such zip code "
        "codes zipcode reentry employer employers renters homeowners employment parole probation domestic violence "
        "abuse trafficking disabled provides offers help helps adolescents minors juveniles admitted designed intended "
        "reserved dedicated specifically specific limit limits range restrictions can apply applying old olds "
        "beneficiary recipient enrollee "
        # verbs of taking and entering, and words that only name a paper or a plan more exactly
        "take takes taking enroll enrolls enter entering see sees making qualifying whose allowed permitted "
        "card active original written photo shown submitted risk billing subject you'll bill holders "
        "runaway homebound foster former formerly lgbtq lgbt lgbtqia fleeing incomes professional were debe"
    )
)
PUNCTUATION: Final = frozenset(",:;()-/&.!'\"•*–—[]")
#: Words that widen, negate, hedge, scope or price: neither a service's name nor what follows "can get" holds one.
_NEVER = (
    r"or|not|no|nor|also|except|unless|if|but|any|some|most|many|only|other|others|their|his|her|your|who|whose|"
    r"for|at|in|when|after|before|until|while|without|discount\w*|reduced|price|prices|fees?|costs?|charged?|pay|paid|"
    r"may|might|priority|preferred|too|as|well|instead|even|either|whether"
)
#: Words a service named after "can get"/"to receive" may not hold (see FILLER_PHRASES): nor any people.
TAIL_NOT = rf"(?:{_NEVER}|free\s+(?:for|to)|{'|'.join(sorted(SUBJECTS))})"
#: ... but where and how it is had ("at the senior center", "in Spanish", "to medical appointments", "with a ride")
#: belongs to the service: those words may follow the first word of it.
TAIL_PLACE = r"(?:at|in|on|to|with)(?!\s+(?:any|all|some|most|their|his|her|other|others)\b)"
#: The last word of a service's name ("... program", "... camp", "... workshops").
SERVICE_HEADS = (
    r"programs?|camps?|leagues?|workshops?|classes|class|cent(?:er|re)s?|clinics?|services?|care|housing|shelters?|"
    r"treatment|counsel(?:l)?ing|meals|pantry|pantries|groups?|clubs?|courses?|training|tutoring|mentoring|lessons|"
    r"screenings|exams|navigation|outreach|residence|homes?|house|"
    # what is handed out or booked: "Youth shelter beds for ages 12-17", "Affordable apartments for seniors 62+"
    r"beds|apartments|units|rooms|rides|transportation|advice|aid|assistance|support|help|vouchers|lunch(?:es)?|"
    r"breakfasts?|food|groceries|boxes|visits|appointments|internships|preschool|pre-?k|daycare|childcare|"
    r"activities|events|testing|tests|checkups|vaccines|shots|glasses|products|supplies|kits|lessons|aids|repairs?|"
    r"outpatient|passes|defense|representation|screening|management|coordination|planning|mammograms|vaccinations|"
    r"immunizations|physicals|cleanings|haircuts|clothing|diapers|coats|backpacks|sports|preparation|prep|"
    # "Youth soccer for ages 4-18", "Behavioral health for adults 18+", "Dental sealants for children 6-14"
    r"health|soccer|basketball|football|baseball|softball|volleyball|swimming|swim|dance|sealants|coaching|detox|"
    r"drop-ins?|bootcamps?|apprenticeships?|jobs|employment|tournaments?|lunches|"
    # "Free eyeglasses for seniors 60+", "Diaper distribution for families living in 19132" (round 11)
    r"eyeglasses|distributions?|giveaways?|grants|filing|"
    # round 13: "Library job lab for adults 18+", "Ladies-only clothing closet", "Senior dining for adults 60+"
    r"labs?|closets?|dining|memberships?|showers|laundry|vans?|fairs?"
)
#: Words a service's name may not hold ("to" it may: "Free rides to medical appointments for seniors 65+", but never
#: "free to"): a price, and people a name may add beside a limit ("Family camp"); the
#: people it narrows to ("Senior nutrition program", "Youth soccer league") it may.
NAME_NOT = (
    rf"(?:{_NEVER}|free|families|family|children|child|kids?|parents?|grandparents?|couples?|caregivers?|"
    r"care[- ]?givers?|guardians?|kinship|relatives?|spouses?|partners?|bab(?:y|ies)|infants?|siblings?|visitors?|"
    r"respite|everyone|anyone|and|&|with|by|of|on)"
)
#: What a paper's examples may name ("lease", "pay stubs", a paper the grammar reads): see FILLER_PHRASES.
_PAPER_EXAMPLE = (
    r"(?:a\s+|an\s+|your\s+|the\s+)?(?:<document[a-z+]*>|leases?|rental\s+agreements?|mail|pay\s*stubs?|bank\s+statements?|"
    r"benefits?\s+letters?|award\s+letters?|unemployment\s+(?:letters?|statements?)|ssi\s+letters?|mortgage\s+statements?)"
)
#: Acronyms that name a kind of class or test, not a public program with rules of its own ("Free GED classes for
#: adults 18+", "HIV testing for youth 13-24"): a service's name may hold them (round 12).
PLAIN_ACRONYMS = r"(?:GED|HSE|ESL|HIV|STI|STD|DV)"  # round 13: "DV shelter" (domestic violence)
#: A place's name opening a clause right before the service or a gender, sobriety or veteran word ("Greenville
#: sober living for women", "Milwaukee men's shelter", "Springfield reentry housing"): the grammar drops it when it
#: is a known city's name (where the service is, never who may come).
#: Round 12: also before a colon ("Scranton: Lackawanna County veterans ...", "Memphis reentry: people released ...")
#: and before the people served or any value ("Fresno youth ages 12 through 18 ...", "Ogden <residency> ...").
LEAD_PLACE: Final = re.compile(
    rf"^\s*((?:[A-Z][a-zA-Z.'-]+\s*){{1,3}}?)(?=(?:(?!(?i:{_NEVER})\b)(?:[a-z][a-z'-]*|{PLAIN_ACRONYMS})(?:\s+|(?=:))){{0,3}}"
    rf"(?::|(?i:{SERVICE_HEADS}|{'|'.join(sorted(SUBJECTS))})\b|<(?:gender|sobriety|veteran|age|residency|records|income|"
    r"insurance)))"
)
_DAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?\.?|m-f|weekdays)"
#: Phrases that are fillers as a whole ("at the time of enrollment", "men and women", "U.S.").
FILLER_PHRASES: Final = (
    ci(
        r"\b(?:at|upon|prior\s+to|before|by)\s+(?:the\s+)?(?:time\s+of\s+)?(?:enrollment|intake|entry|admission|"
        r"application|move-in|check-in|program\s+entry|start|(?:every|each|your\s+first|the\s+first)\s+visit)\b|"
        # round 12: "to every visit", "on the day of intake", "in the service area", "at this site", "in your name"
        r"\bto\s+(?:every|each|your(?:\s+first)?)\s+(?:visit|appointment)\b|"
        r"\bon\s+the\s+day\s+of\s+(?:intake|enrollment|entry|admission|application|move-in)\b|"
        r"\bin\s+(?:the|our)\s+service\s+area\b|\bin\s+early\s+(?=recovery\b|<sobriety>)|"
        r"\bon\s+(?:[A-Z]{2,5}\s+)?(?:mandatory\s+)?supervised\s+release\b|(?<=records>)\s+of\s+any\s+kind\b|"
        # ... a sobriety kept "at all times", tested "randomly", "must pass / submit to" a test; "total household
        # income", "earnings" before an income limit
        r"(?<=sobriety>)\s+at\s+all\s+times\b|(?<=sobriety>)\s+(?:randomly|weekly|nightly|daily|monthly)\b|"
        r"\b(?:pass|submit\s+to)\s+(?=<sobriety>)|\btotal\s+(?=(?:household\s+)?income\b)|\b(?:gross\s+)?earnings\s+(?=<income>)|\bat\s+(?:this|our)\s+(?:site|location|facility)\b|"
        r"(?<=document>)\s+in\s+(?:your|the\s+applicant's)\s+(?:own\s+)?name\b"
    ),
    ci(
        r"\bin\s+order\s+to\s+(?:qualify|enroll|apply|be\s+(?:served|eligible|accepted))\b|\bto\s+(?:qualify|apply|enroll)\b"
    ),
    ci(r"\bof\s+(?:any|all)\s+(?:eras?|branch(?:es)?)\b|\ball\s+branches\b|\bany\s+branch\b|\b(?:any|all)\s+eras?\b"),
    ci(r"\bu\.s\.|\bus\b|\b(?:government|state)[- ]issued\b"),
    ci(r"\bmanaged\s+care\b"),
    # a Medicaid waiver is Medicaid ("Medicaid waiver accepted", "Medicaid waiver only", round 13)
    ci(r"(?<=insurance>)\s+waivers?\b"),
    # an operating rule or a size, never who is served: "check in by 6pm", "(16 beds)"
    ci(r"\bcheck[- ]?in\s+(?:by|at|before)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,3}\s+beds\b"),
    # what the people a clause names can get, at its end ("... can get free mammograms", "... to receive a library
    # card"): the service itself. Never a word that widens, negates, hedges, scopes ("for the lunch program"), names
    # people or a price, nor a value.
    ci(
        r"\b(?:can|to)\s+(?:get|receive|obtain|use|borrow|access|join|attend|enroll\s+in|sign\s+up\s+for|apply\s+for|"
        r"play\s+in|pick\s+up|take|learn|train\s+(?:as|for|in))(?:\s+\d{1,2}(?=\s+(?:bags|boxes|meals|visits|sessions|rides|"
        r"lessons|classes)\b))?"
        rf"\s+(?!{TAIL_NOT}\b(?!['-]))[a-z][a-z'-]*(?:,?\s+(?:{TAIL_PLACE}\b|(?!{TAIL_NOT}\b(?!['-]))[a-z][a-z'-]*)){{0,11}}\s*[.!]?\s*$"
    ),
    # the name of what is offered, opening the clause before "for" or a comma ("Senior nutrition program for adults
    # 60 and over", "Youth soccer league, ages 6-14"): a service, never a limit. Never a word that widens, negates,
    # hedges, scopes, prices or names another group (families, children...), nor a value; nor an acronym ("SSVF
    # program"): a named public program has rules of its own (an area-median income, a household) we do not read.
    # "Free" may open it ("Free eye exams for children 5-18"): read as a limit, a price for some people can only
    # turn "fits" into "may not fit", never the reverse (and the income reader still refuses any clause with a price).
    ci(
        rf"^\s*(?:free\s+(?!to\b))?(?:(?!{NAME_NOT}\b(?!['-]))(?-i:(?!(?!{PLAIN_ACRONYMS}\b)[A-Z]{{2,}}\b))[a-z][a-z'-]*\s+"
        # ... "and" between two things offered ("Naloxone and syringe services for people 18+", round 13)
        rf"(?:(?:and|&)\s+(?=(?!{NAME_NOT}\b)[a-z]))?){{0,5}}?(?:{SERVICE_HEADS})"
        r"(?:\s+in\s+(?-i:[A-Z][a-zA-Z.'-]+)(?:\s+(?-i:[A-Z][a-zA-Z.'-]+)){0,2})?(?=\s*[,:]|\s+for\b|\s*<age>)"
    ),
    # how long a condition has held ("Must live in DuPage County for 1 year"): it narrows the limit, never widens it
    ci(
        r"\bfor\s+(?:at\s+least\s+)?(?:\d{1,3}|one|two|three|six)\s+(?:years?|months?|days)\s*(?:or\s+(?:more|longer))?"
        r"\s*[.!]?\s*$"
    ),
    # "the head of household", "one of these ZIPs", "the following ZIP codes": who or which, no widening
    ci(r"\b(?:the\s+)?head\s+of\s+(?:the\s+)?household\b"),
    ci(r"\b(?:one\s+of\s+)?(?:these|the\s+following)(?=\s+(?:zips?|zip\s+codes?|counties|cities)\b|\s*<residency)"),
    # conditions that narrow the people named, never widen them: "(must be) out of school", "aged out of foster
    # care", "with a disability", "with diabetes", "no exceptions", "eligible if", "to the intake appointment"
    ci(
        r"\bout\s+of\s+(?:school|work)\b|\b(?:who\s+(?:have\s+)?)?(?:aged|aging|ageing)\s+out\s+of\s+foster\s+care\b|"
        r"\b(?:in|exiting|leaving)\s+foster\s+care\b|\blgbtq(?:ia)?\+|\bno\s+exceptions\b|^\s*eligible\s+if\b|"
        r"\bwith\s+(?:an?\s+)?(?:(?:serious|severe|chronic|mental|physical|developmental|intellectual|learning)\s+)*"
        r"(?:disabilit(?:y|ies)|illness(?:es)?|diabetes|cancer|hiv(?:/aids)?|autism|dementia|substance\s+use\s+disorders?|memory\s+loss|"
        r"low[- ]vision|hearing\s+loss)\b|\b(?:and\s+)?(?:hard\s+of\s+hearing|low[- ]vision)\b|"
        r"\bto\s+(?:the|your)\s+(?:first\s+)?(?:intake\s+)?(?:interview|appointment|visit|intake)\b"
    ),
    # a parent's own children beside the parent ("Women and their children", "Moms & kids"): the gender is the
    # parent's (the age readers refuse such a clause: the children have ages of their own)
    ci(
        r"(?<=gender>)\s+(?:and|&|with|with\s+or\s+without)\s+(?:their\s+|her\s+|his\s+)?(?:minor\s+|dependent\s+|young\s+)?"
        r"(?:children|kids)\b"
    ),
    # ... and their ages ("Women 18-30 w/ children under 5", "Single mothers with kids ages 0-5"): the children's,
    # not the parent's (every labeller: a limit on the children is no limit on who is served)
    ci(
        r"\b(?:with|having)\s+(?:their\s+|her\s+|his\s+)?(?:own\s+)?(?:minor\s+|dependent\s+|young\s+)?"
        r"(?:children|kids|a\s+child|an?\s+infant|infants|babies|toddlers)\s+<age>"
    ),
    # the grades of the children an age names ("kids ages 6-11 (grades 1-5)"): the same children
    ci(
        r"(?<=age>)\s*\(\s*(?:grades?\s+)?(?:k|pre-?k|\d{1,2}(?:st|nd|rd|th)?)\s*(?:-|–|to|through)\s*\d{1,2}(?:st|nd|rd|th)?"
        r"(?:\s+grades?)?\s*\)"
    ),
    # a branch of the military before its veterans ("Marine Corps veterans", "Army and Navy veterans"), senior citizens
    ci(
        r"\b(?:(?:army|navy|air\s+force|marine\s+corps|marines|coast\s+guard|national\s+guard|space\s+force)"
        r"(?:\s*(?:,|and|or|&|/)\s*)?)+(?=\s*<veteran)|(?<=\bsenior\s)citizens\b"
    ),
    # a war or era a veteran served in ("Vietnam-era veterans", "OEF/OIF/OND veterans"): still a veteran
    ci(
        r"\b(?:of\s+the\s+)?(?:vietnam|korean?|gulf\s+war|persian\s+gulf|post-?\s*9/11|cold\s+war|wwii)"
        r"(?:[- ](?:era|war))?(?:\s*(?:,|and|&|/)\s*(?:vietnam|korean?|gulf\s+war|wwii|post-?\s*9/11)"
        r"(?:[- ](?:era|war))?)*(?=\s*<veteran)|"
        r"(?<=veteran>)\s+of\s+the\s+(?:vietnam|korean?|gulf\s+war|persian\s+gulf|post-?\s*9/11)\s+"
        r"(?:era|war)\b|\b(?:oef|oif|ond)(?:\s*/\s*(?:oef|oif|ond))*(?=\s*<veteran)"
    ),
    # how to come, never who may: "just walk in", "walk-ins welcome", "walk in 24 hours", "no appointment needed"
    ci(
        r"\b(?:just\s+)?walk[- ]?ins?(?:\s+(?:welcome|ok|okay|accepted))?(?:\s+24\s+hours(?:\s+a\s+day)?)?\s*[.!]?\s*$|"
        r"\bno\s+(?:appointments?|appts?)\s+(?:is\s+)?(?:needed|necessary|required)\b"
    ),
    # a length as one hyphenated word ("90-day residential treatment"), how wholly ("stay completely abstinent"),
    # a will to work ("and willing to work"): none widens a limit
    ci(
        r"\b\d{1,3}-(?:day|week|month|year)\b|\b(?:completely|totally|fully)\s+(?=<sobriety)|"
        r"\b(?:and\s+)?(?:be\s+)?(?:willing|able|willing\s+and\s+able)\s+to\s+(?:work|do\s+chores|follow\s+(?:all\s+)?"
        r"(?:house\s+|program\s+)?rules)\s*[.!]?\s*$|"
        # round 13: "and attend meetings" (AA, NA, house meetings): a condition that only narrows
        r"\b(?:and\s+)?(?:attend|go\s+to)\s+(?:aa\s+|na\s+|12-step\s+|house\s+|weekly\s+|daily\s+)?meetings\s*[.!]?\s*$"
    ),
    # "can join", "may enroll" at a clause's end: the people named get in, nothing more is said
    ci(r"\bcan\s+(?:join|enroll|apply|attend|participate|register|sign\s+up|come)\s*[.!]?\s*$"),
    # a state's name before its paper ("a valid California driver's license"): the issuer, not a residency
    ci(rf"\b(?:{'|'.join(sorted(STATES, key=len, reverse=True))})\s+(?=<document)"),
    # how a gender is said ("Male-identified individuals"), recovery from what, a length of stay or a size
    # ("30-90 days", "a 12-bed house"), a season ("during summer"), how to apply ("online"): none widens a limit
    ci(
        r"(?<=gender>)\s*-?\s*identif(?:ied|ying)\b|\bin\s+recovery\s+from\s+(?:addiction|substance\s+use|alcohol(?:ism)?|"
        r"drugs?|drug\s+(?:and|&)\s+alcohol\s+(?:use|addiction))\b|\b\d{1,3}\s*[-–]\s*\d{1,3}\s+(?:days|weeks|months)\b|"
        r"\b\d{1,3}[- ]beds?\b|"
        r"\b(?:during|in|this|every|each)\s+(?:the\s+)?(?:summer|winter|spring|fall|school\s+year)\b|"
        r"\b(?:apply\s+)?online\b"
    ),
    # round 13: when it is open ("Mon-Fri", "Tue/Thu 1-4", "M-F 9am-5pm") and a diploma asked ("have a high school
    # diploma or GED"): neither widens a limit
    ci(
        rf"\b{_DAY}(?:\s*(?:-|–|/|&|and|to|through|thru)\s*{_DAY})*(?:\s+\d{{1,2}}(?::\d\d)?\s*(?:am|pm)?\s*[-–]\s*"
        r"\d{1,2}(?::\d\d)?\s*(?:am|pm)?)?(?=\s*(?:[.,;!]|$))|"
        r"\b(?:(?:and\s+)?(?:have|hold)\s+)?(?:a\s+)?high\s+school\s+diploma(?:\s*(?:,|or|/)\s*(?:a\s+)?(?:ged|hse|equivalent))*\b"
    ),
    # the law that names registrants ("Megan's Law registrants excluded"): still registrants
    ci(r"\bmegan'?s\s+law\s+(?=<records)"),
    # what only names a paper more exactly: "a certified copy of", "your child's", "from the county jail", "SSI/",
    # "original ... (no copies)", "from the Bureau of Prisons"
    ci(
        r"\bcertified\s+(?:copy\s+of\s+)?(?=(?:your\s+|the\s+|a\s+)?<document)|\boriginal\s+(?=<document)|"
        r"(?<=document>)\s*\(\s*(?:no\s+(?:photo)?copies|originals?\s+only)\s*\)|"
        r"(?<=document>)\s+from\s+(?:the\s+)?(?:federal\s+)?bureau\s+of\s+prisons\b|"
        r"\b(?:children's|childrens'|child's|kids'|baby's|babies')\s+(?=<document)|"
        r"(?<=document>)\s+from\s+(?:the\s+)?(?:county\s+|state\s+|federal\s+)?(?:jail|prison|cdcr|doc|bop|tdcj)\b"
    ),
    # examples of the paper just named, in brackets ("Proof of address (utility bill or lease)"), and how recent it
    # is ("proof of income (last 30 days)"): one paper still, whichever example is brought
    ci(
        rf"(?<=document>)\s*(?:required\s*|needed\s*)?\(\s*(?:e\.g\.,?\s*|such\s+as\s+|like\s+)?{_PAPER_EXAMPLE}(?:\s*(?:,|or|and|/)\s*(?:or\s+|and\s+)?"
        rf"{_PAPER_EXAMPLE})*\s*\)|(?<=document>)\s*\(?\s*(?:from\s+)?(?:the\s+)?(?:last|past|most\s+recent)\s+"
        r"(?:\d{1,2}|two|three|six)\s+(?:days|weeks|months)\s*\)?"
    ),
    # a clean time's "at least", "+" between papers, a state's code before its ID ("a valid CA ID"), the part of a
    # place named in brackets ("New York County (Manhattan)"), a past that only narrows ("a history of
    # homelessness"), a service that asks nothing of one's insurance ("regardless of insurance")
    ci(r"\bat\s+least\s+(?=<sobriety)|(?<=document>)\s*\+\s*(?=<document)"),
    # round 13: "your three most recent pay stubs", "dated within the last 30 days", "for the last 30 days"
    ci(
        r"(?<=\byour\s)(?:\d|two|three|four)\s+(?:most\s+recent\s+)?(?=<document)|(?<=document>)\s+(?:dated\s+)?"
        r"(?:within|from|for)\s+the\s+(?:last|past)\s+(?:\d{1,2}|two|three|six)\s+(?:days|weeks|months)\b"
    ),
    re.compile(
        rf"\b(?:{'|'.join(code for code in STATES.values() if code != 'VA')})(?=\s*<document)"
    ),  # "VA ID": veterans
    re.compile(r"(?<=residency>)\s*\(\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s*\)"),
    ci(
        r"\b(?:and\s+)?(?:a\s+)?history\s+of\s+homelessness\b|\bregardless\s+of\s+(?:insurance(?:\s+status)?|ability\s+to\s+pay)\b"
    ),
    # papers for everyone in the home: still papers required ("Social Security cards for all household members"),
    # ending there: "ID for each household member 18+" is their age, no limit on the people served
    ci(
        r"(?<=<document>)\s+for\s+(?:all|each|every|everyone\s+(?:in|on|listed\s+on)\s+(?:the|your))\s+"
        r"(?:household|home|family|(?:tax\s+)?return|lease)?\s*"
        r"(?:members?|child(?:ren)?|kids?|persons?|people|adults?)?(?:\s+in\s+(?:the|your)\s+(?:household|home|family))?\b"
        r"(?=\s*(?:[,;.()]|and\b|(?:are\s+|is\s+)?(?:required|needed)\b|$))"
    ),
    # where a service is, at the clause's end ("Sober living for women in Long Beach"): a place in a listing says
    # where, never who; not a part of the service ("in Transitional Housing") nor a place the grammar reads
    re.compile(
        rf"\b(?:in|en)\s+(?:the\s+|el\s+|la\s+)?(?!(?i:{SERVICE_HEADS})\b)[A-Z][a-zA-Z.'-]+(?:\s+(?!(?i:{SERVICE_HEADS})\b)[A-Z][a-zA-Z.'-]+){{0,3}}"
        r"\s*[.!]?\s*$"
    ),
    # Spanish "must (be/have)", "requirements:", "older than N" (18, or over 18? not decidable, never read as an age),
    # and the name of what is offered before "para" ("Programa de salud para", "Clases de computación gratis")
    ci(r"\b(?:debe\s+(?:ser|tener)|ser|tener|requisitos)\b|\bmayores\s+de\s+\d{1,2}(?:\s+años)?\b"),
    ci(
        r"^\s*(?:programa|cl[ií]nica|clases|servicios?|casa|almuerzo|comida|comidas|ayuda|vivienda|refugio|albergue|"
        r"taller(?:es)?|despensa|grupo|empleo|centro|trabajo)"
        r"(?:\s+(?:de|gratis|gratuitas?|gratuitos?|dental|m[eé]dica|con\s+la|con\s+el)(?:\s+(?!para\b)[a-záéíóúñ]+)?){0,3}"
        # ... and where it is ("Despensa en Reading para ...") or a colon ("Albergue: hombres solamente")
        r"(?:\s+en\s+(?-i:[A-Z][\w.'-]+)(?:\s+(?-i:[A-Z][\w.'-]+)){0,2})?(?:\s+(?:solo|s[oó]lo|solamente|[uú]nicamente))?"
        r"(?=\s+(?:para\b|<age)|\s*:)|"
        r"(?<=<age>)\s+gratis\b|\bgratis(?=\s+(?:a\s+partir|para)\b)"
    ),
    # Spanish "only", subjects, "of", "accepted"
    ci(
        r"\b(?:solamente|s[oó]lo|[uú]nicamente|exclusiv[oa]|exclusivamente|personas|adultos|j[oó]venes|pacientes|clientes|participantes|gente|familias|"
        r"de|para|se\s+aceptan?|edad|embarazadas)\b"
    ),
    # Spanish "bring", "is required", "your"; "y" ("and") only between two papers ("identificación con foto y
    # comprobante de ingresos"): between people it may join another group
    ci(
        r"\b(?:por\s+favor\s+)?(?:traiga[ns]?|traer|se\s+requieren?|requerid[oa]s?|presente|su|sus|aceptamos|una?|el|la|las)\b"
    ),
    ci(r"(?<=<document>)\s+y\s+(?=<document>)"),
    # ... and between two values of other kinds ("Debe ser veterano y estar sobrio"): never before an age or a
    # gender, which may name another group ("mujeres y hombres")
    ci(r"(?<=>)\s+y\s+(?=<(?!age|gender)[a-z+]*>)"),
)
#: Who may send a referral ("referral from a case manager or parole officer required").
AGENT = (
    r"(?:(?:a|an|the|your|their)\s+)?(?:[\w-]+\s+){0,3}?(?:agency|agencies|officers?|workers?|managers?|providers?|"
    r"doctors?|physicians?|counselors?|courts?|hospitals?|programs?|caseworkers?|clinics?|schools?|211|therapists?|"
    r"(?:parole|probation)(?:\s+(?:officers?|agents?|departments?|dept\.?|office))?|cdcr|public\s+defender'?s?(?:\s+office)?|"
    r"staff|partners?|agents?|organizations?|dhs|dcfs|dss|cps|va|pastors?|clergy|judges?|coordinated\s+entry|"
    r"(?:behavioral|mental)\s+health(?:\s+(?:department|dept\.?|services))?|(?:access|intake|coordinated\s+entry)\s+lines?|"
    # a prison system refers ("IDOC referral required", "referred by the Alabama Department of Corrections",
    # "School nurse referral required": round 11)
    r"nurses?|corrections|bureau\s+of\s+prisons|(?-i:[A-Z]{0,3}DOC|SCDC|TDCJ|BOP|ADCRR)|"
    # round 12: "the county jail reentry coordinator", "case mgr", "a DV advocate"
    r"coordinators?|mgrs?|advocates?|navigators?)"
    # ... and the person at one ("your clinic doctor", "DOC agent")
    r"(?:\s+(?:doctors?|physicians?|nurses?|staff|officers?|agents?|workers?|coordinators?|managers?|mgrs?|"
    r"counselors?|therapists?|navigators?|social\s+workers?|case\s+managers?))?"
    r"(?:\s*\(po\))?"
)

#: Words that narrow the people a subject names ("homeless adults", "disabled adults").
QUALIFIERS: Final = _words(
    "adult young older single homeless unemployed underemployed disabled pregnant expecting expectant parenting "
    "transitional emergency very low income parole probation "
    # conditions that only narrow the people a subject names ("runaway youth", "homebound seniors", "former
    # foster youth", "LGBTQ+ youth"): none admits anyone the limit beside it keeps out
    "runaway homebound foster former formerly lgbtq lgbt lgbtqia fleeing widowed bereaved deaf blind deafblind"
)
#: Words that open a comma part which qualifies its neighbour rather than adding a condition.
OPENERS: Final = _words(
    "and or but except excluding including especially with without for who which if unless in at as"
)
#: Words that widen who is served or scope a limit: a comma part holding one takes its neighbours back.
WIDENERS: Final = _words(
    "or also except unless but including if when for some most may might can not no any all everyone anyone others "
    "other welcome served accepted eligible priority preferred prefer especially only exempt regardless "
    # round 12: "Denver youth ages 12-18, their siblings too"
    "too siblings friends relatives partners spouses guests"
)
#: One person of the group a listing serves ("county resident"): not another group beside a limit.
SINGULAR: Final = _words("resident person individual applicant client participant member adult")
