"""Messages: numbered from their conversation's counter, read by window, by mark, by client id or by reply."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Text, and_, cast, event, func, select
from sqlalchemy.orm import Session

from tawasol.domain import model
from tawasol.domain.errors import NotFound
from tawasol.store import tables
from tawasol.store.repositories.base import _Repository

_messages = tables.messages.c


class MessageRepository(_Repository[model.Message]):
    entity = model.Message
    flush_on_add = False  # parents: tenant, conversation, user (all stored by their own add)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._counts: dict[str, int] = {}  # conversation id -> highest seq added, not yet on the conversation
        event.listen(session, "before_commit", self._write_counts)

    def add(self, obj: model.Message) -> model.Message:
        """Insert the message; its conversation's counter (`last_seq`) follows at commit, in one UPDATE of the
        conversation however many messages the transaction added."""
        self._counts[obj.conversation_id] = max(self._counts.get(obj.conversation_id, 0), obj.seq)
        return super().add(obj)

    def _write_counts(self, _session: Session) -> None:
        for conversation_id, seq in self._counts.items():
            conv = self.session.get(model.Conversation, conversation_id)
            if conv is not None and seq > last_seq(conv):
                setattr(conv, "last_seq", seq)  # noqa: B010 - a column of the store, not a field of the domain object
        self._counts.clear()

    def for_conversation(
        self, conversation_id: str, after_seq: int = 0, limit: int = 500
    ) -> Sequence[model.Message]:
        stmt = (
            select(model.Message)
            .where(_messages.conversation_id == conversation_id, _messages.seq > after_seq)
            .order_by(_messages.seq)
            .limit(limit)
        )
        return self.session.scalars(stmt).all()

    def recent(self, conversation_id: str, limit: int = 50,
               keep: Sequence[AnalysisMark] = ()) -> list[model.Message]:
        """The conversation's last `limit` messages in seq order. For each mark in `keep` that none of them
        carries, the latest older message carrying it comes first (a state or mapping written long ago)."""
        stmt = (
            select(model.Message).where(_messages.conversation_id == conversation_id)
            .order_by(_messages.seq.desc()).limit(limit)
        )
        window = list(reversed(self.session.scalars(stmt).all()))
        if len(window) < limit:
            return window
        older = [m for mark in keep if not any(mark.on(w) for w in window)
                 for m in [self._latest_marked(conversation_id, window[0].seq, mark)] if m is not None]
        return sorted({m.id: m for m in older}.values(), key=lambda m: m.seq) + window

    def _latest_marked(self, conversation_id: str, before_seq: int, mark: AnalysisMark,
                       scan: int = 20) -> model.Message | None:
        # JSON is stored as text on both engines: a LIKE on the key narrows the rows, mark.on() decides.
        stmt = (
            select(model.Message)
            .where(_messages.conversation_id == conversation_id, _messages.seq < before_seq,
                   cast(_messages.analysis, Text).like(f'%"{mark.path[-1]}"%'))
            .order_by(_messages.seq.desc()).limit(scan)
        )
        if mark.author is not None:
            stmt = stmt.where(_messages.author == mark.author)
        return next((m for m in self.session.scalars(stmt) if mark.on(m)), None)

    def last_of(self, conversation_ids: Sequence[str],
                authors: Sequence[str] | None = None) -> dict[str, model.Message]:
        """The latest message of each conversation (by id), in one query; `authors`: the latest of theirs."""
        if not conversation_ids:
            return {}
        conv_col, seq_col = _messages.conversation_id, _messages.seq
        among: ColumnElement[bool] = conv_col.in_(list(conversation_ids))
        if authors is not None:
            among = and_(among, _messages.author.in_(list(authors)))
        latest = (
            select(conv_col.label("cid"), func.max(seq_col).label("seq"))
            .where(among).group_by(conv_col).subquery()
        )
        stmt = select(model.Message).join(latest, and_(_messages.conversation_id == latest.c.cid,
                                                       _messages.seq == latest.c.seq))
        return {m.conversation_id: m for m in self.session.scalars(stmt)}

    def by_client_id(self, conversation_id: str, client_message_id: str) -> model.Message | None:
        stmt = select(model.Message).where(
            _messages.conversation_id == conversation_id,
            _messages.client_message_id == client_message_id,
        )
        return self.session.scalars(stmt).first()

    def replies_to(self, message_id: str) -> Sequence[model.Message]:
        stmt = select(model.Message).where(_messages.in_reply_to == message_id).order_by(_messages.seq)
        return self.session.scalars(stmt).all()

    def next_seq(self, conversation_id: str, locked: bool = False) -> int:
        """The seq of the conversation's next message, from its counter. `locked`: the caller holds the
        conversation's row lock (its counter is current); otherwise the counter is re-read under one."""
        conv = self.session.get(model.Conversation, conversation_id)
        if conv is None:
            raise NotFound("conversation not found")
        if not locked:
            self.session.refresh(conv, ["last_seq"], with_for_update=True)
        return max(last_seq(conv), self._counts.get(conversation_id, 0)) + 1


def last_seq(conv: model.Conversation) -> int:
    """The conversation's message counter (a column of the store, not of the domain object)."""
    return int(getattr(conv, "last_seq", None) or 0)


@dataclass(frozen=True)
class AnalysisMark:
    """Messages whose analysis holds a dict at `path` (by `author` when set): e.g. the bot's state."""

    path: tuple[str, ...]
    author: str | None = None

    def on(self, msg: model.Message) -> bool:
        if self.author is not None and msg.author != self.author:
            return False
        node: object = msg.analysis or {}
        for key in self.path:
            node = node.get(key) if isinstance(node, dict) else None
        return isinstance(node, dict) and bool(node)
