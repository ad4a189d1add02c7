"""Colour difference as a reader sees it, with normal vision or simulated colour blindness (tests only).

Simulation: Machado, Oliveira & Fernandes (2009) at severity 1.0, from colour-science, applied to linear sRGB
and clipped to [0, 1]. Difference: CIEDE2000 in CIE Lab with the sRGB D65 white point.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np

with warnings.catch_warnings():
    # colour-science warns on import that SciPy and Matplotlib are missing; nothing used here needs them
    warnings.filterwarnings("ignore", module=r"colour(\.|$)")
    import colour

VISIONS = ("normal", "deuteranopia", "protanopia")

_SRGB = colour.RGB_COLOURSPACES["sRGB"]
_SIMULATION = {
    "normal": np.identity(3),
    "deuteranopia": colour.blindness.matrix_cvd_Machado2009("Deuteranomaly", 1.0),
    "protanopia": colour.blindness.matrix_cvd_Machado2009("Protanomaly", 1.0),
}


def _rgb(hex_colour: str) -> np.ndarray:
    """'#RRGGBB' as sRGB values in [0, 1]."""
    h = hex_colour.removeprefix("#")
    if len(h) != 6:
        raise ValueError(f"not a #RRGGBB colour: {hex_colour!r}")
    return np.array([int(h[k : k + 2], 16) / 255 for k in (0, 2, 4)])


def linear_rgb(hex_colour: str, vision: str = "normal") -> np.ndarray:
    """Linear sRGB of the colour as seen with the given vision, clipped to the displayable range."""
    if vision not in _SIMULATION:
        raise ValueError(f"vision must be one of {VISIONS}, not {vision!r}")
    linear = colour.cctf_decoding(_rgb(hex_colour), function="sRGB")
    return np.clip(_SIMULATION[vision] @ linear, 0, 1)


def lab(hex_colour: str, vision: str = "normal") -> np.ndarray:
    """CIE L*a*b* (D65) of the colour as seen with the given vision."""
    xyz = _SRGB.matrix_RGB_to_XYZ @ linear_rgb(hex_colour, vision)
    return colour.XYZ_to_Lab(xyz, _SRGB.whitepoint)


def luminance(hex_colour: str, vision: str = "normal") -> float:
    """Relative luminance Y in [0, 1] (the Y of WCAG's contrast ratio)."""
    return float((_SRGB.matrix_RGB_to_XYZ @ linear_rgb(hex_colour, vision))[1])


def contrast(hex_a: str, hex_b: str, vision: str = "normal") -> float:
    """WCAG 2 contrast ratio, 1 (none) to 21 (black on white)."""
    ya, yb = luminance(hex_a, vision), luminance(hex_b, vision)
    return (max(ya, yb) + 0.05) / (min(ya, yb) + 0.05)


def delta_e(hex_a: str, hex_b: str, vision: str = "normal") -> float:
    """CIEDE2000 difference between two '#RRGGBB' colours as seen with the given vision."""
    return float(colour.delta_E(lab(hex_a, vision), lab(hex_b, vision), method="CIE 2000"))


def closest_pair(colours, vision: str = "normal") -> tuple[str, str, float]:
    """The two colours (in the order given) least different under the given vision, and their ΔE00."""
    pairs = list(itertools.combinations(colours, 2))
    if not pairs:
        raise ValueError("closest_pair needs at least two colours")
    a, b = min(pairs, key=lambda p: delta_e(p[0], p[1], vision))
    return a, b, delta_e(a, b, vision)
