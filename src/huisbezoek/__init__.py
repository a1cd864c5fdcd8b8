"""huisbezoek: offline support for volunteers who visit older residents at home."""

__version__ = "0.1.0"
APP_NAME = "huisbezoek"
