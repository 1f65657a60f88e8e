"""Data for the synthetic caseload: names, places and schools of a made-up English city.

Everything here is invented. The city ("Northam") and its areas are fictional; postcodes use
the area letters ``XT``, which no real UK postcode area uses, in the real format
(``XT4 2BD``); phone numbers come from Ofcom's range reserved for drama (07700 900000 to
07700 900999). The schools are named the way English schools are named, but none of them is
a real school, and their URNs are drawn at random.
"""

from __future__ import annotations

from dataclasses import dataclass

from officer_app.demo.data import demo_data

_DATA = demo_data("names")

DEMO_OFFICER_NAME: str = _DATA["DEMO_OFFICER_NAME"]

TEAM_NAME: str = _DATA["TEAM_NAME"]
EMAIL_DOMAIN: str = _DATA["EMAIL_DOMAIN"]

# The rest of the team besides the profile's own officer: (name, role).
OTHER_OFFICERS: tuple[str, ...] = _DATA["OTHER_OFFICERS"]
SUPERVISOR_NAME: str = _DATA["SUPERVISOR_NAME"]
COURT_OFFICER_NAME: str = _DATA["COURT_OFFICER_NAME"]

COURT_NAME: str = _DATA["COURT_NAME"]

# Areas of the city and the postcode district each one sits in.
AREAS: tuple[tuple[str, str], ...] = _DATA["AREAS"]

# The letters allowed in the last two places of a UK postcode (no C I K M O V).
POSTCODE_UNIT_LETTERS: str = _DATA["POSTCODE_UNIT_LETTERS"]

STREETS: tuple[str, ...] = _DATA["STREETS"]

# Flats: a block name and a number, for some addresses.
BLOCKS: tuple[str, ...] = _DATA["BLOCKS"]


@dataclass(frozen=True)
class Heritage:
    """Names and home languages that go together in one family."""

    key: str
    weight: float
    girls: tuple[str, ...]
    boys: tuple[str, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]
    # (language, weight) of the family's main language
    languages: tuple[tuple[str, float], ...]
    eal_if_english: float = 0.01  # chance a child is EAL although the family speaks English
    traveller: bool = False
    women_surnames: tuple[str, ...] = ()  # some mothers keep a surname of their own


HERITAGES: tuple[Heritage, ...] = tuple(Heritage(**h) for h in _DATA["HERITAGES"])


@dataclass(frozen=True)
class SchoolName:
    name: str
    phase: str  # primary | secondary | special | alternative provision | all-through


SCHOOLS: tuple[SchoolName, ...] = tuple(SchoolName(**s) for s in _DATA["SCHOOLS"])

# Who at a school the officer deals with: (name, role).
SCHOOL_STAFF_ROLES: tuple[str, ...] = _DATA["SCHOOL_STAFF_ROLES"]
STAFF_NAMES: tuple[str, ...] = _DATA["STAFF_NAMES"]
# Other professionals around a family.
PROFESSIONALS: tuple[tuple[str, str], ...] = _DATA["PROFESSIONALS"]
