"""pricewar — the data layer of the LLM API price-war dashboard.

Everything here is plain Python + pandas; nothing imports Streamlit. The pages and the CLI call
:func:`load_dataset` for the whole data folder as one :class:`Dataset`, read a :class:`~pricewar.view.View`
from the URL with :mod:`pricewar.view`, and draw every chart through :mod:`pricewar.charts`.
"""

from pricewar.errors import DataError, Problem
from pricewar.load import Dataset, default_data_dir, load_dataset

__all__ = ["DataError", "Dataset", "Problem", "default_data_dir", "load_dataset"]
__version__ = "0.1.0"
