"""The typed queue status the widget and the staff view read (issue 14): the queue-only fields are
carried only for a queued conversation, so the response keeps them absent for the others."""

from __future__ import annotations

from tawasol.api.schemas import QueueStatusPublic
from tawasol.service.routing import QueueStatus


def test_a_queued_status_carries_its_sla_wait_and_notice() -> None:
    s = QueueStatus(status="queued", position=3, estimated_wait_seconds=240, agents_online=2,
                    sla_seconds=60, waited_seconds=12, notice="You are number 3 in the queue.")
    assert s.queued
    assert s.fields() == {"status": "queued", "position": 3, "estimated_wait_seconds": 240, "agents_online": 2,
                          "sla_seconds": 60, "waited_seconds": 12, "notice": "You are number 3 in the queue."}
    public = QueueStatusPublic.model_validate(s.fields())
    assert public.model_dump(exclude_unset=True) == s.fields()


def test_a_status_not_queued_leaves_the_queue_fields_out() -> None:
    s = QueueStatus(status="assigned", position=0, estimated_wait_seconds=0, agents_online=None)
    assert not s.queued
    assert s.fields() == {"status": "assigned", "position": 0, "estimated_wait_seconds": 0, "agents_online": None}
    dumped = QueueStatusPublic.model_validate(s.fields()).model_dump(exclude_unset=True)
    assert "sla_seconds" not in dumped and "notice" not in dumped
