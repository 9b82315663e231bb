"""Seed the demo tenant: queues, agents of several languages and skills, customers with history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tawasol.domain.model import Author, Conversation, ConversationStatus, Customer, Message, utcnow
from tawasol.service import admin
from tawasol.store.uow import UnitOfWork

TENANT = "atlas-telecom"
DEMO_PASSWORD = "atlas-demo-2026"

QUEUES = [
    # name, skills, languages, SLA seconds
    ("general", [], [], 60),
    ("billing", ["billing"], [], 60),
    ("technical", ["technical"], [], 90),
    ("darija", [], ["ary", "ary_Latn"], 60),
    ("retention", ["retention"], [], 30),
]

AGENTS = [
    # e-mail, name, role, languages, skills, capacity
    ("salma@atlas-telecom.example", "Salma Benali", "agent", ["ary", "ary_Latn", "fr", "ar"],
     ["billing", "retention"], 3),
    ("youssef@atlas-telecom.example", "Youssef El Idrissi", "agent", ["ary", "ary_Latn", "ar"], ["technical"], 3),
    ("claire@atlas-telecom.example", "Claire Martin", "agent", ["fr", "en"], ["billing", "technical"], 4),
    ("diego@atlas-telecom.example", "Diego Romero", "agent", ["es", "fr", "en"], ["billing"], 3),
    ("amina@atlas-telecom.example", "Amina Tazi", "supervisor", ["fr", "ar", "ary", "ary_Latn", "en"],
     ["retention"], 2),
    ("admin@atlas-telecom.example", "Karim Alaoui", "admin", ["fr", "ar", "en"], [], 0),
]

DEMO_BACKEND_PORT = 8765
# The demo site's identity secret (service/identity.py): it signs customer ids as a real tenant's server would.
DEMO_IDENTITY_SECRET = "atlas-demo-identity-secret-2026"

SETTINGS: dict[str, Any] = {
    "bot": {"flows_dir": "demo", "backend_url": f"http://127.0.0.1:{DEMO_BACKEND_PORT}"},
    "languages": ["fr", "ar", "ary", "ary_Latn", "en", "es"],
    "default_language": "fr",
    # A plain problem report ("internet ma khdamch") reads as negative; escalate on strong feelings only.
    "escalation": {"negative_intensity": 0.9, "anger": 0.6, "max_out_of_scope": 2},
    "retention": {"raw_text_days": 30, "redacted_days": 365},
    "identity": {"secret": DEMO_IDENTITY_SECRET},
}

# (name, external id, language, segment, past conversations: [(status, [(author, text)])])
CUSTOMERS: list[tuple[str, str, str, str, list[tuple[str, list[tuple[str, str]]]]]] = [
    ("Hamza Ouali", "ATL-100234", "ary_Latn", "standard", [
        ("resolved", [("customer", "salam, l'internet ma khdamch f dar mn lbar7"),
                      ("agent", "Salam Hamza, kayn wa7ed l'incident f l7ay dyalkom, ghadi yt9ad f 2 sa3at."),
                      ("customer", "safi chokran")]),
    ]),
    ("Fatima Zahra Alami", "ATL-100587", "ary", "vip", [
        ("resolved", [("customer", "الفاتورة ديال هاد الشهر غالية بزاف"),
                      ("agent", "السلام عليكم، شفت الفاتورة: كاين روامينغ ديال السفر لإسبانيا."),
                      ("customer", "واخا، شكرا")]),
        ("resolved", [("customer", "بغيت نبدل الكارط SIM حيت ضاعت ليا"),
                      ("agent", "مرحبا، دوزي لأقرب وكالة مع البطاقة الوطنية.")]),
    ]),
    ("Julien Moreau", "ATL-100912", "fr", "standard", [
        ("resolved", [("customer", "Bonjour, comment activer le roaming pour la France ?"),
                      ("bot", "Vous pouvez activer le roaming depuis l'espace client, rubrique Options.")]),
    ]),
    ("Sara Bennani", "ATL-101045", "fr", "at_risk", [
        ("resolved", [("customer", "Troisième coupure cette semaine, c'est inadmissible"),
                      ("agent", "Je suis désolée Madame Bennani, je vous offre 10 Go en compensation.")]),
    ]),
    ("John Carter", "ATL-101311", "en", "standard", []),
    ("Lucía García", "ATL-101478", "es", "standard", []),
]


def use_backend(uow_factory: Any, url: str) -> None:
    """Point the demo tenant's flow actions at the demo back end actually running."""
    uow: UnitOfWork = uow_factory()
    with uow:
        tenant = uow.tenants.by_slug(TENANT)
        if tenant is None:
            return
        settings = dict(tenant.settings or {})
        settings["bot"] = {**(settings.get("bot") or {}), "backend_url": url}
        tenant.settings = settings
        uow.commit()


@dataclass
class DemoLogin:
    email: str
    role: str
    languages: list[str]


def seed_demo(uow_factory: Any, contacts: Any = None) -> list[DemoLogin]:
    """Create the demo tenant once; running it again changes nothing and returns the logins. With a
    `ContactBook` (the platform's `contacts`), the demo customers' details are sealed like real ones."""
    uow: UnitOfWork = uow_factory()
    with uow:
        exists = uow.tenants.by_slug(TENANT) is not None
    if not exists:
        admin.create_tenant(uow_factory(), TENANT, "Atlas Telecom", settings=SETTINGS)
        from tawasol.service.knowledge import seed_demo_knowledge

        seed_demo_knowledge(uow_factory())
        for name, skills, languages, sla in QUEUES:
            admin.ensure_queue(uow_factory(), TENANT, name, skills, languages, sla)
        for email, display, role, langs, skills, capacity in AGENTS:
            admin.create_user(uow_factory(), email, DEMO_PASSWORD, role, [TENANT], display_name=display,
                              languages=langs, skills=skills, capacity=capacity)
        _seed_customers(uow_factory())
        from tawasol.demo.history import seed_history

        seed_history(uow_factory)  # 300 customers, 8 weeks of conversations: churn, outreach and staffing
        if contacts is not None:
            contacts.seal_legacy(uow_factory())
    return [DemoLogin(email=a[0], role=a[2], languages=a[3]) for a in AGENTS]


def _seed_customers(uow: UnitOfWork) -> None:
    with uow:
        tenant = uow.tenants.by_slug(TENANT)
        assert tenant is not None
        agents = {u.display_name: u for u in uow.users.in_tenants([tenant.id])}
        salma = agents.get("Salma Benali")
        for i, (name, ext, lang, segment, history) in enumerate(CUSTOMERS):
            customer = uow.customers.add(Customer(
                tenant_id=tenant.id, name=name, external_id=ext, preferred_language=lang,
                consent={"ai_processing": True, "marketing": i % 2 == 0}, attributes={"segment": segment},
            ))
            for k, (status, turns) in enumerate(history):
                start = utcnow() - timedelta(days=30 - 7 * k - i)
                conv = uow.conversations.add(Conversation(
                    tenant_id=tenant.id, customer_id=customer.id, channel="web", language=lang,
                    status=ConversationStatus(status).value,
                    assigned_agent_id=salma.id if salma and any(a == "agent" for a, _ in turns) else None,
                    created_at=start, updated_at=start + timedelta(minutes=12), closed_at=start + timedelta(minutes=12),
                ))
                for seq, (author, text) in enumerate(turns, start=1):
                    uow.messages.add(Message(
                        tenant_id=tenant.id, conversation_id=conv.id, author=Author(author).value, text=text,
                        seq=seq, created_at=start + timedelta(minutes=2 * seq),
                        author_user_id=salma.id if author == "agent" and salma else None,
                    ))
        uow.commit()
