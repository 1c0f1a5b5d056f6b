"""Reading people and what they said."""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.models import (
    Quote,
    SpeakerType,
)
from knowledge.store.base import StoreBase
from knowledge.store.limits import STATEMENTS_PER_ANSWER
from knowledge.store.records import StoredPerson
from knowledge.store.rows import SOURCE_COLUMNS, STATEMENTS, marks, source_of
from knowledge.store.scopes import GLOBAL


class PeopleReads(StoreBase):
    """People, their aliases and roles, and their statements."""

    async def people(self, scope: str = GLOBAL) -> list[StoredPerson]:
        """Return every person a scope's documents name, with that scope's roles and statement counts."""
        rows = await self._rows(
            """
            SELECT pe.id, pe.name,
                   (SELECT group_concat(role, char(31)) FROM (
                        SELECT DISTINCT role FROM person_roles WHERE scope = ?1 AND person_id = pe.id)) AS roles,
                   (SELECT count(*) FROM statements WHERE scope = ?1 AND person_id = pe.id) AS statements,
                   (SELECT speaker_type FROM statements WHERE scope = ?1 AND person_id = pe.id LIMIT 1)
                       AS speaker_type
              FROM scope_people AS sp JOIN people AS pe ON pe.id = sp.person_id
             WHERE sp.scope = ?1
             ORDER BY pe.name
            """,
            (scope,),
        )
        return [
            StoredPerson(
                id=row["id"],
                name=row["name"],
                roles=tuple(row["roles"].split("\x1f")) if row["roles"] else (),
                statement_count=row["statements"],
                speaker_type=SpeakerType(row["speaker_type"] or SpeakerType.PERSON),
            )
            for row in rows
        ]

    async def person_aliases(self, scope: str = GLOBAL) -> list[tuple[str, int]]:
        """Return every (normalized alias, person id) pair of the people a scope knows."""
        rows = await self._rows(
            "SELECT a.alias, a.person_id FROM scope_people AS sp"
            " JOIN person_aliases AS a ON a.person_id = sp.person_id WHERE sp.scope = ?",
            (scope,),
        )
        return [(row[0], row[1]) for row in rows]

    async def statements_by(
        self, person_id: int, limit: int = STATEMENTS_PER_ANSWER, scopes: Sequence[str] = (GLOBAL,)
    ) -> list[Quote]:
        """Return a person's statements, newest documents first, at most limit of them, with sources.

        A collective source ("analysts", "officials") can gather thousands of statements in a large
        store; an answer shows pages of six, so the newest few dozen are what anyone reads.
        """
        rows = await self._rows(
            f"""
            SELECT {STATEMENTS.selected("s")}, {SOURCE_COLUMNS}
              FROM statements AS s
              JOIN passages  AS p ON p.id = s.passage_id
              JOIN documents AS d ON d.id = s.document_id
             WHERE s.scope IN ({marks(scopes)}) AND s.person_id = ?
             ORDER BY d.published IS NULL, d.published DESC, d.id, p.position, s.id
             LIMIT ?
            """,
            (*scopes, person_id, limit),
        )
        return [Quote(**STATEMENTS.fields(row), source=source_of(row)) for row in rows]

    async def people_by_keys(self, keys: Sequence[str], scopes: Sequence[str] = (GLOBAL,)) -> dict[str, int]:
        """Return the ids of the people the scopes know by these normalized names or aliases, by name.

        A name is an alias of the person it finds ("kowalska" finds Anna Kowalska); one that finds
        several people in the scopes finds none of them.
        """
        if not keys:
            return {}
        rows = await self._rows(
            f"""SELECT DISTINCT a.alias, a.person_id FROM person_aliases AS a
                  JOIN scope_people AS sp ON sp.person_id = a.person_id
                 WHERE a.alias IN ({marks(keys)}) AND sp.scope IN ({marks(scopes)})""",
            (*keys, *scopes),
        )
        found: dict[str, list[int]] = {}
        for alias, person_id in rows:
            found.setdefault(alias, []).append(person_id)
        return {alias: ids[0] for alias, ids in found.items() if len(ids) == 1}

    async def statement_texts(self, person_id: int, scopes: Sequence[str] = (GLOBAL,)) -> set[str]:
        """Return the texts of everything a person is stored as having said in the scopes."""
        rows = await self._rows(
            f"SELECT text FROM statements WHERE scope IN ({marks(scopes)}) AND person_id = ?",
            (*scopes, person_id),
        )
        return {row[0] for row in rows}
