"""Answer models -> discord.Embed, in one visual theme and inside Discord's limits.

Theme: a colour per command family, the flag for countries, facts followed by ``[n]`` marks that
point at the numbered source sentences, and a footer naming the source document(s) and date.
Verbatim quotes are in quotation marks; partial quotes are marked; reported speech is never
put in quotation marks.

All text from articles or users is escaped (markdown and mentions) before it is clipped, and
``fit`` enforces every limit (title 256, description 4096, 25 fields, field name 256 / value 1024,
footer 2048, author 256, 6000 in total) as the last step of every builder.

One module per command family beside the shared code: ``base`` (limits, escaping, clipping,
colours, source notes and footers), ``spending``, ``summits``, ``quotes``, ``search`` (``/ask``)
and ``documents`` (``/about``, ``/sources``, ``/brief``, ``/forget``, the ``/ingest`` preview).
This package exports what the commands use, so ``from bot import embeds`` reads as one module.
"""

from bot.embeds.base import (
    AUTHOR_LIMIT,
    DESCRIPTION_LIMIT,
    ERROR_COLOUR,
    FIELD_COUNT_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FOOTER_LIMIT,
    INFO_COLOUR,
    QUOTE_COLOUR,
    SOURCE_EXCERPT,
    SPENDING_COLOUR,
    SUMMIT_COLOUR,
    TITLE_LIMIT,
    TOTAL_LIMIT,
    SourceNotes,
    clip,
    document_line,
    error_embed,
    escape,
    fit,
    notice_embed,
    plural,
    set_source_footer,
    when_text,
)
from bot.embeds.documents import (
    about_embed,
    brief_embed,
    documents_footer,
    forget_preview_embed,
    ingest_preview_embed,
    scope_label,
    sources_embed,
)
from bot.embeds.quotes import (
    QUOTE_PAGE_CHARS,
    STATEMENTS_PER_PAGE,
    quote_field,
    quote_page,
    quote_page_count,
    quote_page_ranges,
)
from bot.embeds.search import highlighted, search_embed
from bot.embeds.spending import alliance_embed, figure_line, spending_embed
from bot.embeds.summits import summit_embed, summit_status, summit_when

__all__ = [
    "AUTHOR_LIMIT",
    "DESCRIPTION_LIMIT",
    "ERROR_COLOUR",
    "FIELD_COUNT_LIMIT",
    "FIELD_NAME_LIMIT",
    "FIELD_VALUE_LIMIT",
    "FOOTER_LIMIT",
    "INFO_COLOUR",
    "QUOTE_COLOUR",
    "QUOTE_PAGE_CHARS",
    "SOURCE_EXCERPT",
    "SPENDING_COLOUR",
    "STATEMENTS_PER_PAGE",
    "SUMMIT_COLOUR",
    "TITLE_LIMIT",
    "TOTAL_LIMIT",
    "SourceNotes",
    "about_embed",
    "alliance_embed",
    "brief_embed",
    "clip",
    "document_line",
    "documents_footer",
    "error_embed",
    "escape",
    "figure_line",
    "fit",
    "forget_preview_embed",
    "highlighted",
    "ingest_preview_embed",
    "notice_embed",
    "plural",
    "quote_field",
    "quote_page",
    "quote_page_count",
    "quote_page_ranges",
    "scope_label",
    "search_embed",
    "set_source_footer",
    "sources_embed",
    "spending_embed",
    "summit_embed",
    "summit_status",
    "summit_when",
    "when_text",
]
