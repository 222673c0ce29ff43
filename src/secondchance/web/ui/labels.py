"""Labels shown on pages that other packages own (relief/explain.py, directory/needs.py), marked for
the translation catalogue so ``pybabel extract`` keeps them; tests/web/test_web_i18n.py checks they match."""

from __future__ import annotations

from .i18n import N_

FACT_LABELS = (
    N_("your date of birth"),
    N_("the date of death"),
    N_("the date you were arrested for %(which)s"),
    N_("the date of the offense for %(which)s"),
    N_("how %(which)s ended (guilty, not guilty, dismissed, withdrawn, …)"),
    N_("the date %(which)s ended (the verdict, plea or dismissal)"),
    N_("the grade of %(which)s (for example M2 or F3, felony or misdemeanor)"),
    N_("the law (statute section) of %(which)s"),
    N_("the county of %(which)s"),
    N_("whether you served time in jail or prison for %(which)s"),
    N_("the date you went into jail or prison for %(which)s"),
    N_("the date you were released for %(which)s"),
    N_("whether you were given probation for %(which)s"),
    N_("the date your probation began for %(which)s"),
    N_("the date your probation ended for %(which)s"),
    N_("whether you completed probation for %(which)s"),
    N_("the kind of supervision for %(which)s (probation, parole, PRCS, mandatory supervision or none)"),
    N_("whether your release date for %(which)s is only scheduled"),
    N_("whether the end of your supervision for %(which)s is only scheduled"),
    N_("how much you still owe in fines and court costs for %(which)s"),
    N_("how much restitution you still owe for %(which)s"),
    N_("whether you served the sentence for %(which)s in state prison"),
    N_("whether you were pardoned for %(which)s"),
    N_("the state of %(which)s"),
    N_("whether you were under supervision after custody for %(which)s"),
    N_("the date your supervision began for %(which)s"),
    N_("the date your supervision ended for %(which)s"),
    N_("whether you completed your supervision for %(which)s"),
    N_("case %(case)s"),
    N_("charge %(charge)s of case %(case)s"),
    N_("each of your other cases"),
    N_("each of your other charges"),
    N_("this charge"),
    N_("a fact of the record: %(fact)s"),
)
NEED_LABELS = (
    N_("A place to live"),
    N_("Food and meals"),
    N_("ID, birth certificate, Social Security card"),
    N_("Benefits (SNAP, Medicaid, SSI, cash aid)"),
    N_("Jobs and job training"),
    N_("Therapy and mental health care"),
    N_("Drug and alcohol treatment, recovery"),
    N_("Doctors, clinics, prescriptions"),
    N_("Legal help"),
    N_("Clearing a record (expungement, sealing)"),  # brought from the results (services.record_facts)
    N_("Reconnecting with family"),
    N_("Getting around (bus passes, rides)"),
    N_("A phone or internet"),
    N_("Clothes, including for work"),
    N_("School, GED, classes"),
    N_("Hotlines to call any time"),
)
