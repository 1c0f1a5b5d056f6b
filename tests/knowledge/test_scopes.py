"""Scopes (issue 13): what a server, another server and a DM read from one store, through Briefing."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import briefing as briefing_module
from knowledge.briefing import Briefing
from knowledge.errors import UnknownDocument, UnknownPerson
from knowledge.ingest import ingest_text
from knowledge.models import StatementKind
from knowledge.store import GLOBAL, Store, guild_scope

A, B = 1111, 2222
GLOBAL_ARTICLE = (
    "Title: Global wire\nSource: Wire\nDate: 2026-01-10\n\n"
    "Poland spent 4.1 percent of GDP on defence in 2025, the ministry said."
)
A_ARTICLE = (
    "Title: Server A's own report\nSource: A Ledger\nDate: 2026-02-10\n\n"
    "Estonia spent 3.4 percent of GDP on defence in 2025. Poland spent 4.7 percent of GDP on defence in 2026.\n\n"
    '"We will not slow down," said Defence Minister Kaja Tamm.'
)


@pytest.fixture
async def store(tmp_path: Path) -> Store:
    """Return a store with one global article and one of server A."""
    store = await Store.open(tmp_path / "s.sqlite3")
    await ingest_text(store, GLOBAL_ARTICLE, name="global.txt")
    await ingest_text(store, A_ARTICLE, name="a.txt", scope=guild_scope(A))
    yield store  # type: ignore[misc]
    await store.close()


async def test_each_view_reads_its_scopes(store: Store) -> None:
    """A reads global and its own; B and a DM read global only."""
    root = Briefing(store)
    assert await root.for_guild(A).scopes() == (GLOBAL, "1111")
    assert [d.document.title for d in await root.for_guild(A).sources()] == [
        "Server A's own report",
        "Global wire",
    ]
    for view in (root.for_guild(B), root):
        assert [d.document.title for d in await view.sources()] == ["Global wire"]
        estonia = await view.spending("Estonia")
        assert not estonia.has_facts() and "EE" not in {c.country.code for c in estonia.covered}
        with pytest.raises(UnknownPerson) as unknown:
            await view.statements("Tamm")
        assert "Kaja Tamm" not in unknown.value.suggestions
        assert all("Estonia" not in hit.source.passage for hit in (await view.search("Estonia defence")).hits)
        assert next(c.preview for c in await view.country_choices("Eston")) == "no figures in the briefing"
    assert (await root.for_guild(A).spending("Estonia")).has_facts()
    assert (await root.for_guild(A).statements("Tamm")).statements


async def test_figures_merge_newest_across_scopes(store: Store) -> None:
    """A's Poland preview is its own newer 2026 figure; B's is global's 2025 one."""
    a = {c.country.code: c.preview for c in await Briefing(store).for_guild(A).country_choices("Poland")}
    b = {c.country.code: c.preview for c in await Briefing(store).for_guild(B).country_choices("Poland")}
    assert a["PL"].startswith("4.7% of GDP (2026)") and b["PL"].startswith("4.1% of GDP (2025)")
    figures = (await Briefing(store).for_guild(A).spending("Poland")).figures
    assert {f.value for f in figures} == {4.1, 4.7}


async def test_another_server_s_document_is_not_found_by_id(store: Store) -> None:
    """B names A's document by its id or title: not found, and not suggested."""
    a_id = (await Briefing(store).for_guild(A).sources())[0].document.id
    for text in (str(a_id), "Server A's own report"):
        with pytest.raises(UnknownDocument) as refused:
            await Briefing(store).for_guild(B).brief(text)
        assert all("Server A" not in s for s in refused.value.suggestions)
    assert (await Briefing(store).for_guild(A).brief(str(a_id))).document.document.id == a_id


async def test_hiding_global_leaves_only_the_server_s_documents(store: Store) -> None:
    """A's admins hide global: A reads only its own; B is unaffected; showing it again restores it."""
    a = Briefing(store).for_guild(A)
    await a.set_hide_global(True)
    assert await a.hides_global() and [d.document.title for d in await a.sources()] == [
        "Server A's own report"
    ]
    assert [f.value for f in (await a.spending("Poland")).figures] == [4.7]
    assert not await Briefing(store).for_guild(B).hides_global()
    await a.set_hide_global(False)
    assert len(await a.sources()) == 2


async def test_a_server_stores_into_its_own_scope(store: Store) -> None:
    """What a view adds lands in its home scope: B's article is B's alone."""
    from knowledge.ingest import analyse

    article, extraction = analyse(A_ARTICLE.replace("Server A's own report", "B's report"))
    result = await Briefing(store).for_guild(B).add(article, extraction, name="b.txt")
    assert result.created
    assert [d.scope for d in await Briefing(store).for_guild(B).sources()] == [guild_scope(B), GLOBAL]
    assert "B's report" not in [d.document.title for d in await Briefing(store).for_guild(A).sources()]


async def test_scope_caches_are_bounded_and_dropped_when_idle(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At most SCOPES_CACHED scopes are kept; an idle one is dropped on the next use of another."""
    monkeypatch.setattr(briefing_module, "SCOPES_CACHED", 3)
    root = Briefing(store)
    for guild in range(1, 8):
        await root.for_guild(guild).spending("Poland")
    assert len(root._caches.scopes) == 3 and len(root._caches.views) == 3
    clock = [briefing_module.time.monotonic()]
    monkeypatch.setattr(briefing_module.time, "monotonic", lambda: clock[0])
    await root.for_guild(A).spending("Poland")
    clock[0] += briefing_module.SCOPE_IDLE_SECONDS + 1
    await root.for_guild(B).spending("Estonia")
    assert len(root._caches.views) == 1  # only B's view, just used


async def test_a_person_s_statements_merge_across_scopes_in_the_store_s_order(tmp_path: Path) -> None:
    """Each scope's statements are kept apart; a view gets them newest document first, as the store orders them."""
    store = await Store.open(tmp_path / "q.sqlite3")
    try:
        for day, scope in (
            ("2026-01-05", GLOBAL),
            ("2026-03-05", A),
            ("2026-02-05", GLOBAL),
            ("2026-04-05", A),
        ):
            await ingest_text(
                store,
                f"Title: Tamm on {day}\nSource: Wire\nDate: {day}\n\n"
                f'"We decided this on {day}," said Defence Minister Kaja Tamm.\n\n'
                f'Tamm added that the plan "stands as of {day}".',
                name=f"{day}.txt",
                scope=GLOBAL if scope == GLOBAL else guild_scope(A),
            )
        view = Briefing(store).for_guild(A)
        answer = await view.statements("Tamm")
        person = (await view.resolve_person("Tamm")).person
        expected = await store.statements_by(person.id, scopes=(GLOBAL, guild_scope(A)))
        kinds = {q.kind for q in expected}
        order = list(StatementKind)
        in_store_order = [q for kind in sorted(kinds, key=order.index) for q in expected if q.kind is kind]
        assert [q.text for q in answer.statements] == [q.text for q in in_store_order]
        assert [q.source.document.published for q in answer.statements][:2] == ["2026-04-05", "2026-03-05"]
        # a new statement in A's scope shows in A's next answer; global's kept statements still there
        await ingest_text(
            store,
            'Title: Later\nSource: Wire\nDate: 2026-05-05\n\n"Later still," said Defence Minister Kaja Tamm.',
            name="later.txt",
            scope=guild_scope(A),
        )
        again = await view.statements("Tamm")
        assert again.statements[0].source.document.published == "2026-05-05"
        assert {q.source.document.published for q in again.statements} >= {"2026-01-05", "2026-05-05"}
        # B reads global's only
        b_answer = await Briefing(store).for_guild(B).statements("Tamm")
        assert {q.source.document.published for q in b_answer.statements} == {"2026-01-05", "2026-02-05"}
    finally:
        await store.close()
