"""Words of public offices that name no organization, shared by the header reader (ingest) and the
speaker attribution (extract), neither of which may import the other."""

from __future__ import annotations

#: The fields a minister's title covers ("Minister of Finance", "Minister for Health"): a portfolio,
#: not the name of a body.
PORTFOLIOS = frozenset({"finance", "health", "energy", "defence", "defense", "education", "state", "justice", "labour",
                        "labor", "agriculture", "transport", "interior", "commerce", "trade", "environment",
                        "foreign", "affairs", "home", "industry", "culture", "tourism", "mines", "planning", "works"})
