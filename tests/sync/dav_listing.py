#!/usr/bin/env python3
"""Reads a WebDAV multistatus (PROPFIND or CardDAV REPORT) on stdin and prints its cards.

    dav_listing.py            one line per card: HREF ETAG, sorted (the collection itself left out)
    dav_listing.py --uid U    the HREF ETAG of the card whose UID is U (needs address-data);
                              nothing when none has it; fails when more than one has it
    dav_listing.py --uids     every card's UID, sorted (needs address-data)

Hrefs are printed as the server sent them (percent-encoded), etags with their quotes, as an
If-Match header wants them. Standard library only.
"""
import re
import sys
import xml.etree.ElementTree as ET

DAV = "{DAV:}"
CARDDAV = "{urn:ietf:params:xml:ns:carddav}"


def card_uid(text):
    """Returns the UID of a vCard's text (unfolded first), or None."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    match = re.search(r"^(?:[A-Za-z0-9-]+\.)?UID(?:;[^:]*)?:(.*?)\r?$", unfolded, re.MULTILINE | re.IGNORECASE)
    return match.group(1) if match else None


def members(xml_bytes):
    """Yields (href, etag, uid or None) for each card of the multistatus."""
    for response in ET.fromstring(xml_bytes).iter(DAV + "response"):
        href = response.findtext(DAV + "href")
        if href is None or href.endswith("/"):
            continue
        etag = response.findtext(f".//{DAV}getetag") or ""
        data = response.findtext(f".//{CARDDAV}address-data")
        yield href, etag, card_uid(data) if data else None


def main(argv):
    """Prints the listing, or the one card asked for."""
    found = list(members(sys.stdin.buffer.read()))
    if argv == ["--uids"]:
        print("\n".join(sorted(str(uid) for _, _, uid in found)))
        return
    if len(argv) == 2 and argv[0] == "--uid":
        matches = [(href, etag) for href, etag, uid in found if uid == argv[1]]
        if len(matches) > 1:
            sys.exit(f"dav_listing.py: {len(matches)} cards have the UID '{argv[1]}'")
        found = [(href, etag, None) for href, etag in matches]
    elif argv:
        sys.exit(__doc__)
    for href, etag, _ in sorted(found):
        print(href, etag)


if __name__ == "__main__":
    main(sys.argv[1:])
