"""The extraction record passed between stages: the shape of `../shared/eval/FORMAT.md`.

Plain frozen dataclasses, no SQLAlchemy: the extractor builds them, the importer stores them,
`archive extract --json` prints them with :func:`ArticleRecord.to_dict`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

MeetingKind = Literal["meeting", "talks", "phone_call", "video_call", "visit", "summit", "session"]
Role = Literal[
    "head_of_state", "head_of_government", "deputy_head_of_government", "minister",
    "deputy_minister", "ambassador", "head_of_organization", "legislator", "regional_head", "other",
]
Change = Literal["increase", "decrease"]
Qualifier = Literal["approx", "over", "under", "up_to"]

MEETING_KINDS: tuple[str, ...] = MeetingKind.__args__  # type: ignore[attr-defined]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
CHANGES: tuple[str, ...] = Change.__args__  # type: ignore[attr-defined]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]
LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
# FORMAT.md, "Canonical vocabulary": the same meaning in every language.
TOPIC_CODES: tuple[str, ...] = (
    "political", "trade", "investment", "industry", "energy", "mining", "transport", "agriculture", "water",
    "finance", "digital", "science", "education", "health", "culture", "tourism", "environment", "security",
    "migration", "regional", "international", "integration",
)
METRIC_CODES: tuple[str, ...] = (
    "trade", "exports", "imports", "investment", "project_count", "project_value", "enterprise_count", "jobs",
    "document_count", "gdp", "production", "freight", "funding", "people_count", "water", "other",
)
# Claim values are stored as NUMERIC(30, 6) (archive.models.CLAIM_VALUE): below 10**24 in magnitude.
CLAIM_VALUE_LIMIT = Decimal(10) ** 24


@dataclass(frozen=True, slots=True)
class Participant:
    name: str                      # nominative, in the article's script
    position: str | None = None    # as written in the article
    role: str | None = None        # one of ROLES
    country: str | None = None     # ISO 3166-1 alpha-2 of the state represented
    key: str | None = None         # language-independent person key (Latin folding)


@dataclass(frozen=True, slots=True)
class Meeting:
    kind: str
    date: str | None = None        # YYYY-MM-DD
    city: str | None = None
    country: str | None = None
    occasion: str | None = None
    participants: tuple[Participant, ...] = ()
    topics: tuple[str, ...] = ()
    topic_codes: tuple[str, ...] = ()   # FORMAT.md canonical vocabulary (TOPIC_CODES)


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    text: str
    direct: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    speaker: str | None
    value: Decimal
    unit: str | None
    object: str | None
    metric: str | None
    change: str | None
    qualifier: str | None
    period: str | None
    start: int
    end: int
    metric_code: str | None = None      # FORMAT.md canonical vocabulary (METRIC_CODES)
    period_start: str | None = None     # "YYYY-MM": the period resolved to months
    period_end: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: str
    language: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    via: str | None = None
    url: str | None = None
    meetings: tuple[Meeting, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The FORMAT.md object (JSON-ready: Decimal values become int or float)."""
        d = asdict(self)
        d.pop("extra")
        d.pop("url")
        for m in d["meetings"]:
            m["topics"] = list(m["topics"])
            m["topic_codes"] = list(m["topic_codes"])
            m["participants"] = [{k: v for k, v in p.items() if k != "key"} for p in m["participants"]]
        for c in d["claims"]:
            c["value"] = json_number(c["value"])
        return d


def json_number(value: Decimal) -> int | float:
    """An exact Decimal as the JSON number it denotes (integers stay integers)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
