"""Labels shown on pages that other packages own (relief/explain.py, directory/needs.py), marked for
the translation catalogue so ``pybabel extract`` keeps them; tests/web/test_web_i18n.py checks they match."""

from __future__ import annotations

from .interview import N_

FACT_LABELS = (
    N_("date of birth"),
    N_("date of death"),
    N_("arrest date"),
    N_("offense date"),
    N_("how the charge ended (disposition)"),
    N_("date the charge ended"),
    N_("grade of the offense"),
    N_("statute charged"),
    N_("date incarceration began"),
    N_("release date"),
    N_("date probation began"),
    N_("date probation ended"),
    N_("whether probation was completed"),
    N_("kind of supervision (probation, parole, PRCS, mandatory supervision or none)"),
    N_("whether the release date is only scheduled"),
    N_("whether the end of supervision is only scheduled"),
    N_("fines and costs still owed"),
    N_("restitution still owed"),
    N_("whether the sentence was served in state prison"),
    N_("whether the conviction was pardoned"),
    N_("state of the case"),
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
    N_("Reconnecting with family"),
    N_("Getting around (bus passes, rides)"),
    N_("A phone or internet"),
    N_("Clothes, including for work"),
    N_("School, GED, classes"),
    N_("Hotlines to call any time"),
)
