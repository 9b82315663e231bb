"""Assemble the platform: settings, database, unit-of-work factory, event bus, message pipeline, and the
collaborators the entry points hand to the service handlers (keys, sealers, contact book, knowledge)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from tawasol.bus import EventBus, make_bus
from tawasol.config import Settings, get_settings
from tawasol.domain.model import Conversation, Tenant
from tawasol.domain.pipeline import PipelineStep
from tawasol.privacy import Keyring
from tawasol.routing import EscalationPolicyStep
from tawasol.service.contacts import ContactBook
from tawasol.service.pipeline import Pipeline
from tawasol.service.privacy import RawTextSealer, TextRedactor
from tawasol.store import make_engine, make_session_factory, start_mappers, upgrade
from tawasol.store.uow import UnitOfWork

if TYPE_CHECKING:  # imported when first needed: the bot's modules take seconds to load, CLI commands need none
    from tawasol.bot import Flow
    from tawasol.service.conversations import Greeter
    from tawasol.service.knowledge import KnowledgeIndexProvider
    from tawasol.service.steps import TenantNluStep

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Platform:
    """Every collaborator the API, the CLI and the demo use, built once by `bootstrap`."""

    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    bus: EventBus
    pipeline: Pipeline
    keyring: Keyring  # the master key over each customer's data key
    raw_text_sealer: RawTextSealer  # what a customer typed, kept only sealed under their key
    staff_text_redactor: TextRedactor  # agents' replies redacted with the conversation's placeholders
    contacts: ContactBook  # customers' name, e-mail and phone, sealed under their key
    greeter: Greeter  # the AI disclosure that opens a conversation
    # The default pipeline's NLU step and knowledge index; None when the caller chose the steps.
    nlu: TenantNluStep | None = None
    bot_knowledge: KnowledgeIndexProvider | None = None

    @cached_property
    def knowledge(self) -> KnowledgeIndexProvider:
        """Each tenant's knowledge index, for agent assist and search: the bot's, or one of their own."""
        if self.bot_knowledge is not None:
            return self.bot_knowledge
        from tawasol.service.knowledge import KnowledgeIndexProvider

        return KnowledgeIndexProvider(lambda: self.uow(readonly=True))

    def uow(self, readonly: bool = False) -> UnitOfWork:
        return UnitOfWork(self.session_factory, readonly=readonly)

    def database_ok(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - health reports, never raises
            log.exception("database health check failed")
            return False

    def warm_up(self) -> None:
        """Load (or train, on first start) each tenant's models and build its knowledge index now,
        so that the first customer does not wait for them."""
        from tawasol.privacy import detect, ner

        # the PII name/address model is built here, before any message (detection itself never trains it)
        log.info("PII names/addresses: %s", ner.ensure_ready())
        detect("Bonjour, je suis Salma Benali, 12 rue des Orangers, Rabat")
        if self.nlu is None or self.bot_knowledge is None:  # the caller chose the steps: nothing to warm
            return
        with self.uow(readonly=True) as uow:
            tenants = [(t.id, t.slug) for t in uow.tenants.list()]
        samples = ["Bonjour, ma facture est trop élevée", "Hello, my internet is down", "Hola, quiero recargar",
                    "مرحبا، أريد معرفة فاتورتي", "salam bghit nchouf la facture", "السلام بغيت نشوف الفاتورة"]
        for tenant_id, slug in tenants:
            analyzer = self.nlu.for_tenant(slug).analyzer
            for sample in samples:  # language detectors load their models lazily
                analyzer.analyze(sample)
            self.bot_knowledge(tenant_id)

    async def aclose(self) -> None:
        await self.bus.close()
        self.engine.dispose()


def default_steps(settings: Settings, nlu: TenantNluStep, knowledge: KnowledgeIndexProvider) -> list[PipelineStep]:
    """The message pipeline: privacy -> NLU -> virtual agent -> escalation policy."""
    from tawasol.bot import BotStep
    from tawasol.privacy import CustomerOnly, PrivacyStep
    from tawasol.service.privacy import ConversationRedaction

    return [
        PrivacyStep(load_session=ConversationRedaction(settings.secret_key)),
        CustomerOnly(nlu),  # emotion is inferred on customers' messages only, never on workers'
        BotStep(index_provider=knowledge, flow_provider=tenant_flows),
        EscalationPolicyStep(),
    ]


def tenant_flows(tenant: Tenant) -> list[Flow]:
    """Flows declared for the tenant: settings["bot"]["flows_dir"] ("demo" for the shipped demo flows)."""
    from tawasol.bot import DEMO_FLOWS_DIR

    where = ((tenant.settings or {}).get("bot") or {}).get("flows_dir")
    if not where:
        return []
    folder = DEMO_FLOWS_DIR if where == "demo" else Path(where)
    try:
        stamp = max((f.stat().st_mtime_ns for f in folder.iterdir()), default=0)
    except OSError:
        stamp = -1
    return _flows_in(str(folder), stamp)


@lru_cache(maxsize=64)
def _flows_in(folder: str, stamp: int) -> list[Flow]:
    """Parsed once per folder and modification time: YAML parsing costs more than a whole reply."""
    from tawasol.bot import load_flows

    return load_flows(Path(folder))


def bootstrap(settings: Settings | None = None, migrate: bool = True,
              steps: list[PipelineStep] | None = None, bus: EventBus | None = None) -> Platform:
    """The platform of `settings`; `steps` replaces the default pipeline (tests, and CLI commands that
    need no models)."""
    settings = settings or get_settings()
    url = settings.effective_database_url
    if migrate:
        upgrade(url)
    start_mappers()
    from tawasol.privacy import tagger

    tagger.set_model_dir(settings.effective_model_dir / "pii")
    engine = make_engine(url)
    session_factory = make_session_factory(engine)
    nlu: TenantNluStep | None = None
    knowledge: KnowledgeIndexProvider | None = None
    if steps is None:
        from tawasol.service.knowledge import KnowledgeIndexProvider
        from tawasol.service.steps import TenantNluStep

        nlu = TenantNluStep(settings.effective_model_dir)
        knowledge = KnowledgeIndexProvider(lambda: UnitOfWork(session_factory, readonly=True))
        steps = default_steps(settings, nlu, knowledge)
    keyring = Keyring.load(settings.home / "keys", settings.data_key or None)
    return Platform(
        settings=settings,
        engine=engine,
        session_factory=session_factory,
        bus=bus or make_bus(settings.redis_url),
        pipeline=Pipeline(steps),
        keyring=keyring,
        raw_text_sealer=RawTextSealer(keyring),
        staff_text_redactor=TextRedactor(settings.secret_key),
        contacts=ContactBook(keyring),
        greeter=disclosure_greeter,
        nlu=nlu,
        bot_knowledge=knowledge,
    )


def disclosure_greeter(tenant: Tenant, conversation: Conversation) -> list[str]:
    """The AI disclosure that opens every conversation, in the customer's language."""
    from tawasol.privacy import disclosure_text

    lang = conversation.language or (tenant.settings or {}).get("default_language") or "fr"
    return [disclosure_text(lang, tenant.settings or {})]
