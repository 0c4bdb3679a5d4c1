"""dxsite: publish a Japanese municipality's DX plan as a bilingual static site."""

__version__ = "0.1.0"
