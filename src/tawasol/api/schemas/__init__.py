"""Request and response bodies of the public API (pydantic), one module per resource.

Requests are `Strict` (an unknown field is refused); responses are `Public` views: `XPublic` for one
resource, `XsPublic{data, count}` for a list where the JSON has that shape."""

from tawasol.api.schemas.agent import (
    AgentMessageCreate,
    AssistPublic,
    ColleaguesPublic,
    ConversationDetailPublic,
    InboxPublic,
    KbHitsPublic,
    MePublic,
    PresenceIn,
    ResolveIn,
    TransferIn,
)
from tawasol.api.schemas.auth import LoginIn, TokenOut
from tawasol.api.schemas.common import (
    LANG,
    MAX_SEQ,
    ConversationPublic,
    MessagePublic,
    Public,
    QueueStatusPublic,
    StaffMessagePublic,
    Strict,
    UserPublic,
)
from tawasol.api.schemas.conversations import (
    ConversationCreate,
    ConversationCreated,
    CsatIn,
    CsatRecorded,
    CustomerIn,
    MessageCreate,
    MessagePosted,
    MessagesPublic,
)
from tawasol.api.schemas.health import HealthPublic
from tawasol.api.schemas.insights import (
    ChurnPublic,
    CsatPredictionPublic,
    ModelCardsPublic,
    OutreachPublic,
    OutreachSend,
    OutreachSent,
    RefreshPublic,
    StaffingPublic,
)
from tawasol.api.schemas.knowledge import ArticlesImported, ArticlesPublic, ArticlesStored, ArticleWithBody
from tawasol.api.schemas.privacy import CustomerErased, CustomerExport, EraseIn, Revealed, RevealIn
from tawasol.api.schemas.supervisor import FairnessPublic, OverviewPublic

__all__ = [
    "LANG", "MAX_SEQ", "AgentMessageCreate", "ArticleWithBody", "ArticlesImported", "ArticlesPublic",
    "ArticlesStored", "AssistPublic", "ChurnPublic", "ColleaguesPublic", "ConversationCreate",
    "ConversationCreated", "ConversationDetailPublic", "ConversationPublic", "CsatIn", "CsatPredictionPublic",
    "CsatRecorded", "CustomerErased", "CustomerExport", "CustomerIn", "EraseIn", "FairnessPublic", "HealthPublic",
    "InboxPublic", "KbHitsPublic", "LoginIn", "MePublic", "MessageCreate", "MessagePosted", "MessagePublic",
    "MessagesPublic", "ModelCardsPublic", "OutreachPublic", "OutreachSend", "OutreachSent", "OverviewPublic",
    "PresenceIn", "Public", "QueueStatusPublic", "RefreshPublic", "ResolveIn", "RevealIn", "Revealed",
    "StaffMessagePublic", "StaffingPublic", "Strict", "TokenOut", "TransferIn", "UserPublic",
]
