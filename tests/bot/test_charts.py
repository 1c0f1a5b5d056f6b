"""Spending charts: deterministic PNGs that show what the answer holds, cached by what they show."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from bot import charts
from knowledge import gazetteer

US = charts.ChartSpec(
    title="United States: defence spending, % of GDP",
    points=((2014, 3.68), (2024, 3.19)),
    target=2.0,
    caption="Source: NATO annual report coverage",
)


def pixels(png: bytes) -> Image.Image:
    """Return the decoded PNG."""
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def reds(image: Image.Image) -> int:
    """Return how many pixels are close to the target line's red."""
    data = image.convert("RGB").tobytes()
    return sum(1 for i in range(0, len(data), 3) if data[i] > 180 and data[i + 1] < 90 and data[i + 2] < 90)


def test_the_same_chart_gives_the_same_bytes() -> None:
    """No timestamps or other varying metadata: equal specs render to equal PNGs."""
    first, second = charts.render_png(US), charts.render_png(US)
    assert first.startswith(b"\x89PNG\r\n\x1a\n") and first == second
    assert pixels(first).size == (charts.WIDTH, charts.HEIGHT)


def test_the_target_line_is_drawn_only_when_the_store_states_one() -> None:
    """Red (the target line and its label) appears with a target and not without one."""
    with_target = reds(pixels(charts.render_png(US)))
    without = reds(pixels(charts.render_png(US.__class__(US.title, US.points, None, US.caption))))
    assert with_target > 100 and without == 0


def test_different_figures_give_different_charts() -> None:
    """The points are drawn: changing one value changes the picture."""
    moved = charts.ChartSpec(US.title, ((2014, 3.68), (2024, 1.5)), US.target, US.caption)
    assert charts.render_png(moved) != charts.render_png(US)


def test_repeated_charts_come_from_the_cache() -> None:
    """A chart already drawn is not drawn again."""
    charts.cached_png.cache_clear()
    charts.cached_png(US)
    charts.cached_png(US)
    info = charts.cached_png.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_the_font_has_every_letter_of_every_country_name() -> None:
    """Names like "Türkiye" render as letters, not as the font's missing-glyph box."""
    font = charts._font(12)

    def glyph(char: str) -> bytes:
        image = Image.new("L", (32, 32))
        ImageDraw.Draw(image).text((4, 4), char, font=font, fill=255)
        return image.tobytes()

    missing = glyph("\ue000")  # a private-use character: the missing-glyph box
    letters = {c for country in gazetteer.COUNTRIES for c in country.name if not c.isspace()}
    assert len(letters) > 40 and "ü" in letters
    assert glyph("ü") != glyph("u")
    assert sorted(c for c in letters if glyph(c) == missing) == []


def test_long_captions_are_cut_to_the_width() -> None:
    """Many sources make a long caption: it is shortened with an ellipsis, not cut off mid-pixel."""
    spec = charts.ChartSpec(US.title, US.points, US.target, "Source: " + "; ".join(["A long title"] * 40))
    image = pixels(charts.render_png(spec))
    right_edge = [image.getpixel((x, charts.HEIGHT - 14)) for x in range(charts.WIDTH - 4, charts.WIDTH)]
    assert all(pixel == (255, 255, 255) for pixel in right_edge)


@settings(max_examples=200, deadline=None)
@given(title=st.text(max_size=300), caption=st.text(max_size=300))
def test_any_text_in_titles_and_captions_draws(title: str, caption: str) -> None:
    """Article titles are user input: any text (RTL, combining marks, controls, emoji) draws a PNG."""
    png = charts.render_png(charts.ChartSpec(title, US.points, US.target, caption))
    assert pixels(png).size == (charts.WIDTH, charts.HEIGHT)
