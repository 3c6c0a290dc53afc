"""A small region in NetBox, written through pynetbox as an administrator
would: two municipalities of a tenant group (and one outside it), their
sites with roles by site group and by tag, servers, a VM, a switch, a
circuit between the town halls, an internet circuit and a cable between
two sites. ``tests/netbox/expected/`` is what ``planner import netbox``
must make of it."""

from __future__ import annotations

from typing import Any

GROUP = "kongsberg-mini"


def seed(nb: Any) -> None:
    group = nb.tenancy.tenant_groups.create(name="Kongsberg mini", slug=GROUP)
    rollag = nb.tenancy.tenants.create(name="Rollag", slug="rollag", group=group.id)
    flesberg = nb.tenancy.tenants.create(
        name="Flesberg", slug="flesberg", group=group.id
    )
    other = nb.tenancy.tenants.create(name="Drammen", slug="drammen")
    town_hall = nb.dcim.site_groups.create(name="Rådhus", slug="town-hall")
    dc = nb.dcim.site_groups.create(name="Datasenter", slug="datasenter")
    school = nb.extras.tags.create(name="Skole", slug="skole")
    sites = {
        "rollag-rh": nb.dcim.sites.create(
            name="Rollag rådhus",
            slug="rollag-rh",
            tenant=rollag.id,
            group=town_hall.id,
            latitude="60.0224",
            longitude="9.2794",
        ),
        "rollag-skole": nb.dcim.sites.create(
            name="Rollag skole", slug="rollag-skole", tenant=rollag.id, tags=[school.id]
        ),
        "flesberg-rh": nb.dcim.sites.create(
            name="Flesberg rådhus",
            slug="flesberg-rh",
            tenant=flesberg.id,
            group=town_hall.id,
        ),
        "flesberg-dc": nb.dcim.sites.create(
            name="Flesberg datasenter",
            slug="flesberg-dc",
            tenant=flesberg.id,
            group=dc.id,
        ),
        "flesberg-old": nb.dcim.sites.create(
            name="Gamle Lampeland skole",
            slug="flesberg-old",
            tenant=flesberg.id,
            tags=[school.id],
            status="retired",
        ),
        "drammen-rh": nb.dcim.sites.create(
            name="Drammen rådhus",
            slug="drammen-rh",
            tenant=other.id,
            group=town_hall.id,
        ),
    }
    maker = nb.dcim.manufacturers.create(name="Dell", slug="dell")
    kind = nb.dcim.device_types.create(manufacturer=maker.id, model="R640", slug="r640")
    roles = {
        slug: nb.dcim.device_roles.create(
            name=name, slug=slug, color="2196f3", vm_role=True
        )
        for slug, name in (
            ("file-server", "File server"),
            ("database", "Database"),
            ("application", "Application"),
            ("switch", "Switch"),
        )
    }
    windows = nb.dcim.platforms.create(name="Windows Server 2019", slug="windows-2019")
    nb.dcim.devices.create(
        name="rollag-fil01",
        device_type=kind.id,
        role=roles["file-server"].id,
        site=sites["rollag-rh"].id,
        platform=windows.id,
        tenant=rollag.id,
    )
    nb.dcim.devices.create(
        name="flesberg-db01",
        device_type=kind.id,
        role=roles["database"].id,
        site=sites["flesberg-dc"].id,
        tenant=flesberg.id,
    )
    nb.dcim.devices.create(
        name="drammen-fil01",
        device_type=kind.id,
        role=roles["file-server"].id,
        site=sites["drammen-rh"].id,
        tenant=other.id,
    )
    ends = []
    for site in ("rollag-rh", "rollag-skole"):
        switch = nb.dcim.devices.create(
            name=f"{site}-sw1",
            device_type=kind.id,
            role=roles["switch"].id,
            site=sites[site].id,
            tenant=rollag.id,
        )
        ends.append(
            nb.dcim.interfaces.create(
                device=switch.id, name="uplink", type="1000base-x-sfp", speed=1_000_000
            )
        )
    nb.dcim.cables.create(
        label="rollag-skole-fiber",
        type="smf",
        a_terminations=[{"object_type": "dcim.interface", "object_id": ends[0].id}],
        b_terminations=[{"object_type": "dcim.interface", "object_id": ends[1].id}],
    )
    nb.virtualization.virtual_machines.create(
        name="flesberg-app01",
        site=sites["flesberg-dc"].id,
        role=roles["application"].id,
        platform=windows.id,
        tenant=flesberg.id,
    )
    telenor = nb.circuits.providers.create(name="Telenor", slug="telenor")
    fiber = nb.circuits.circuit_types.create(name="Fiber", slug="fiber")
    internet = nb.circuits.circuit_types.create(name="Internet", slug="internet")
    tn1 = nb.circuits.circuits.create(
        cid="TN-1001", provider=telenor.id, type=fiber.id, commit_rate=100_000
    )
    tn2 = nb.circuits.circuits.create(
        cid="TN-2002", provider=telenor.id, type=internet.id, commit_rate=1_000_000
    )
    for circuit, side, site in (
        (tn1, "A", "rollag-rh"),
        (tn1, "Z", "flesberg-rh"),
        (tn2, "A", "flesberg-dc"),
    ):
        nb.circuits.circuit_terminations.create(
            circuit=circuit.id,
            term_side=side,
            termination_type="dcim.site",
            termination_id=sites[site].id,
        )
