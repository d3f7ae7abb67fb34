#!/usr/bin/python3
"""Deterministic benchmark corpus for herald (and the same content for Hugo).

    bench/gen_corpus.py N OUT_DIR [--hugo HUGO_DIR] [--seed S]

writes a herald site of N advisories and min(300, N/50) devices into OUT_DIR
(site.toml, content/devices/SLUG/index.md + guides, content/pages, advisories/
YYYY/ID.md) and, with --hugo, the same content as a Hugo site with the
templates in bench/hugo/ (layouts and config). Python standard library only;
the same N and seed always give byte-identical files.

The shapes follow the example site in the repository root: every advisory has
1-3 vulnerabilities with CVSS 3.1 and 4.0 base vectors, 1-3 affected devices
whose version ranges name firmware releases that exist on the device page, the
fixed release listed there (and naming the advisory), remediations, references,
revisions with strictly increasing dates and a 400-900-word Markdown body with
headings, lists, tables and code. A few per cent are VEX statements,
informational notices, interim or draft advisories, withdrawn or superseded.
"""

import argparse
import bisect
import datetime as dt
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc
BUILD_TIME = dt.datetime(2027, 1, 1, tzinfo=UTC)  # run.sh sets SOURCE_DATE_EPOCH to this
FIRST_YEAR, LAST_YEAR = 2016, 2025               # advisories are published in these years
FIRMWARE_UNTIL = dt.datetime(2026, 6, 30, tzinfo=UTC)

# Base vectors with their base scores. The 3.1 scores were checked against an
# independent implementation of the 3.1 equations, the 4.0 scores against
# FIRST's reference calculator (cvss40.js, as shipped in tests/csaf/node_modules);
# herald computed the same values for all of them. Hugo cannot score CVSS, so
# its front matter carries these numbers.
CVSS3 = [
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:L", 5.9),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:L", 5.9),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:U/C:H/I:L/A:H", 6.7),
    ("CVSS:3.1/AV:A/AC:L/PR:H/UI:N/S:C/C:H/I:N/A:H", 8.1),
    ("CVSS:3.1/AV:A/AC:L/PR:H/UI:N/S:U/C:L/I:H/A:N", 5.2),
    ("CVSS:3.1/AV:A/AC:L/PR:H/UI:R/S:U/C:H/I:L/A:N", 4.9),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.0),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:L", 8.9),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:U/C:H/I:L/A:H", 7.6),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:H", 7.6),
    ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L", 8.3),
    ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:H", 7.1),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:N", 5.7),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", 6.7),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:L", 6.5),
    ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:L", 8.7),
    ("CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:C/C:H/I:L/A:L", 7.3),
    ("CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:H/I:H/A:H", 7.3),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:L", 7.9),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:L/I:H/A:H", 9.2),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N", 6.8),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", 7.7),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8),
    ("CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:C/C:N/I:H/A:H", 7.7),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:L", 7.1),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:H/A:H", 7.1),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:H/A:L", 6.4),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:H/A:H", 6.7),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:L", 7.7),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:L", 7.0),
    ("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:L/A:N", 7.6),
    ("CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:L", 5.9),
    ("CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:L", 6.4),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N", 8.1),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:L/A:H", 8.3),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:L/A:L", 7.6),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:L", 5.4),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N", 4.3),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:H/A:L", 9.9),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", 9.1),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:L", 8.6),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:L", 8.2),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:H", 8.6),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:L", 8.2),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:H", 8.2),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:H", 8.1),
]
CVSS4 = [
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:N/VC:N/VI:H/VA:L/SC:H/SI:L/SA:N", 7.0),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:N/VC:L/VI:H/VA:H/SC:N/SI:H/SA:H", 7.3),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:H/UI:A/VC:L/VI:H/VA:H/SC:H/SI:N/SA:N", 6.8),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:L/SC:N/SI:N/SA:L", 8.4),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:N/SA:N", 8.7),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:H/SI:N/SA:N", 9.3),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N", 7.2),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:L/SA:N", 7.1),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:H/SC:H/SI:N/SA:N", 8.4),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:H", 6.3),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:H/SC:N/SI:N/SA:L", 7.2),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:P/VC:L/VI:N/VA:H/SC:N/SI:N/SA:N", 7.0),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:P/VC:H/VI:N/VA:L/SC:L/SI:H/SA:N", 5.7),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:P/VC:L/VI:N/VA:L/SC:N/SI:L/SA:N", 2.4),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:A/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 7.0),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:A/VC:H/VI:L/VA:H/SC:N/SI:N/SA:N", 5.3),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:A/VC:L/VI:L/VA:H/SC:N/SI:H/SA:N", 6.8),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:H/VI:H/VA:L/SC:L/SI:L/SA:L", 6.9),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:L/SA:N", 7.0),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:H/SI:H/SA:L", 2.3),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:N/SC:L/SI:N/SA:L", 7.2),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:N/VC:H/VI:L/VA:H/SC:N/SI:L/SA:H", 7.1),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:H", 8.7),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:L", 2.3),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:N/VI:H/VA:H/SC:N/SI:N/SA:N", 8.3),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:L/SA:N", 6.3),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:L/VI:N/VA:H/SC:L/SI:H/SA:N", 9.0),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:A/VC:H/VI:H/VA:N/SC:H/SI:N/SA:N", 9.1),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:H/VA:N/SC:L/SI:N/SA:H", 8.3),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:N/VA:H/SC:N/SI:N/SA:N", 7.0),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:A/VC:H/VI:H/VA:N/SC:H/SI:H/SA:N", 9.2),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:L/SI:N/SA:N", 8.7),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:H/SC:N/SI:H/SA:N", 8.4),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:L/SC:L/SI:L/SA:H", 8.5),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:H/VA:L/SC:H/SI:L/SA:N", 8.4),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:H", 6.3),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:L/SC:L/SI:N/SA:N", 8.6),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:L/VA:H/SC:H/SI:L/SA:N", 8.4),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:H/SA:N", 9.9),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:L/SI:N/SA:N", 9.3),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:N/SA:L", 9.9),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:L/SA:L", 9.3),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:H/SC:H/SI:N/SA:L", 9.2),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:H/SC:L/SI:L/SA:N", 8.8),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:H/SC:N/SI:N/SA:N", 8.8),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:L/SC:H/SI:H/SA:N", 9.3),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:L/SI:N/SA:L", 6.9),
]

CWES = [20, 22, 77, 78, 79, 89, 119, 120, 121, 125, 134, 190, 200, 209, 250, 256, 259, 269, 276,
        284, 285, 287, 290, 294, 295, 300, 306, 307, 311, 312, 319, 321, 326, 327, 330, 331, 345,
        346, 347, 352, 362, 367, 377, 384, 400, 401, 404, 415, 416, 425, 426, 427, 434, 441, 444,
        476, 494, 502, 521, 522, 532, 552, 565, 601, 611, 613, 639, 640, 668, 693, 697, 732, 754,
        755, 770, 772, 787, 798, 824, 829, 835, 862, 863, 915, 918, 922, 924, 1021, 1188, 1191,
        1233, 1236, 1240, 1242, 1244, 1270, 1274, 1286, 1321, 1333, 1390, 1391, 1392]

DEVICE_TYPES = [
    ("hub", "Hub", "smart-home hub"), ("cam", "Cam", "indoor security camera"),
    ("lock", "Lock", "smart door lock"), ("plug", "Plug", "smart plug"),
    ("thermo", "Thermo", "smart thermostat"), ("bell", "Bell", "video doorbell"),
    ("sensor", "Sensor", "door and window sensor"), ("mesh", "Mesh", "mesh Wi-Fi router"),
    ("bulb", "Bulb", "smart bulb"), ("gw", "Gateway", "industrial IoT gateway"),
    ("meter", "Meter", "smart energy meter"), ("smoke", "Smoke", "connected smoke alarm"),
    ("nvr", "NVR", "network video recorder"), ("charger", "Charger", "EV wall charger"),
    ("outcam", "Outdoor Cam", "outdoor security camera"), ("relay", "Relay", "DIN-rail relay module"),
]
CAPABILITY_GUIDES = ["device-identifiers", "configuration", "data-protection", "access-control",
                     "software-update", "security-state"]
OTHER_GUIDES = ["secure-setup", "verify-setup", "change-default-password",
                "disable-automatic-updates", "backup-restore", "maintenance",
                "shared-responsibilities", "assumptions", "vulnerability-management",
                "data-deletion", "reprovision-dispose", "change-impact", "unsupported-use",
                "integration"]
GUIDE_TITLES = {
    "secure-setup": "Set up the {n} securely", "verify-setup": "Check that your {n} is set up securely",
    "change-default-password": "Change the initial password of the {n}",
    "device-identifiers": "Find the identifiers of your {n}",
    "configuration": "Change {n} settings and restore a known-good configuration",
    "access-control": "Accounts, sign-in and interfaces of the {n}",
    "data-protection": "How the {n} protects your data",
    "software-update": "Install and check {n} firmware updates",
    "disable-automatic-updates": "Switch off automatic updates on the {n}, and the risk",
    "security-state": "Read the {n} security log and export it",
    "backup-restore": "Back up and restore the {n}", "maintenance": "Keep your {n} maintained",
    "shared-responsibilities": "Who does what to keep the {n} secure",
    "assumptions": "What the {n} depends on over its life",
    "vulnerability-management": "Patch and configuration management for the {n}",
    "data-deletion": "Delete your data from the {n}",
    "reprovision-dispose": "Pass on, reset or dispose of the {n}",
    "change-impact": "How changes to the {n} affect your data",
    "unsupported-use": "Using the {n} after security support ends",
    "integration": "Integrating the {n} into other products",
}
JUSTIFICATIONS = ["component_not_present", "vulnerable_code_not_present",
                  "vulnerable_code_cannot_be_controlled_by_adversary",
                  "vulnerable_code_not_in_execute_path", "inline_mitigations_already_exist"]

# ---------------------------------------------------------------------------
# Text

COMPONENTS = ["web interface", "local REST API", "update client", "Zigbee stack", "Bluetooth LE pairing service",
              "MQTT client", "RTSP server", "cloud connector", "provisioning service", "diagnostics page",
              "boot loader", "TLS library", "firmware image parser", "ONVIF service", "Matter controller",
              "UPnP daemon", "syslog exporter", "backup module", "DHCP client", "DNS resolver",
              "time synchronisation client", "session manager", "configuration importer", "image decoder",
              "over-the-air update agent", "Thread border router", "Modbus bridge", "captive portal",
              "certificate store", "voice assistant connector", "event logger", "mobile app API"]
INPUTS = ["the Host header", "configuration uploads", "firmware images", "session tokens", "the device name field",
          "multicast discovery packets", "JSON request bodies", "certificate chains", "password reset requests",
          "Wi-Fi credentials", "backup archives", "HTTP query parameters", "pairing requests", "log messages",
          "DNS responses", "NTP replies", "file names inside ZIP archives", "SOAP requests", "MQTT topic names",
          "Zigbee attribute reports", "cookie values", "redirect targets", "user-agent strings", "TLV records"]
FLAWS = ["does not check the length of", "trusts", "does not verify the signature of",
         "copies without a bounds check", "writes to the log in clear text", "accepts unauthenticated",
         "does not rate-limit", "mishandles malformed", "passes to a shell without escaping",
         "stores in plain text", "does not expire", "parses with a recursive function that has no depth limit for"]
ATTACKERS = ["an attacker on the local network", "a remote attacker without an account",
             "an attacker within Bluetooth range", "a signed-in user with the guest role",
             "an attacker who can intercept traffic", "an attacker with brief physical access",
             "a malicious app on the owner's phone", "an attacker who controls a paired Zigbee device"]
IMPACTS = ["read the event history", "change the configuration", "run commands as root",
           "crash the device until it is restarted", "take over the owner's session",
           "install modified firmware", "read stored Wi-Fi credentials", "unlock paired locks",
           "watch the live video stream", "disable notifications", "add a hidden user account",
           "redirect the owner to a phishing page", "read other users' personal data"]
REQS = ["network access to port 443 of the device", "that the owner opens a crafted link",
        "that the local web interface is switched on", "that legacy remote access is enabled",
        "a valid guest account", "physical access for about two minutes", "that the device is in setup mode",
        "a position between the device and the router", "that the owner imports a crafted backup"]
TEAMS = ["Acme's product security team", "our internal red team", "an external penetration test",
         "the reporter", "our firmware engineering team", "the upstream maintainers",
         "CERT-Bund", "the Acme PSIRT", "our fuzzing infrastructure", "a customer's security team"]
REASONS = ["the vulnerable code path is only reachable during setup", "the service is off by default",
           "TLS is enforced for every connection", "the input is checked again by the cloud service",
           "the process runs without privileges", "the affected library is not linked into this product",
           "the hardware watchdog restarts the service within seconds"]
FILLER = [
    "We recommend that all customers keep automatic updates switched on.",
    "The fix changes no settings and keeps all stored data.",
    "Devices with automatic updates installed the fix in their next maintenance window.",
    "No customer action is needed beyond installing the update.",
    "We have no indication that this vulnerability was exploited before publication.",
    "The update is free of charge for every customer.",
    "Support can help customers who cannot install the update themselves.",
    "The issue does not affect data stored in Acme Cloud.",
    "Customers who run the device on a separate network segment are at lower risk.",
    "We will update this advisory if we learn of new information.",
    "The release notes on the device page list all other changes in the release.",
    "Third-party integrations keep working after the update.",
    "The device must restart once to complete the update, which takes about two minutes.",
    "Our regression tests now cover this case for every product line.",
    "We reviewed similar code in other products and found no further instances.",
    "The vulnerability was reported to us privately and coordinated under our disclosure policy.",
    "Older hardware revisions receive the same fix in the same release.",
    "The app shows a notice until the update has been installed.",
]
TOOLS = ["curl", "nmap", "openssl", "tcpdump", "mosquitto_sub", "acmectl"]


class Text:
    """Sentence and block generators on top of one seeded RNG."""

    def __init__(self, rng):
        self.r = rng

    def sentence(self, dev=None, plain=False):
        r = self.r
        c, i = r.choice(COMPONENTS), r.choice(INPUTS)
        k = r.choice([0, 1, 2, 3, 8, 11]) if plain else r.randrange(12)
        if k == 0:
            return f"The {c} {r.choice(FLAWS)} {i} it receives."
        if k == 1:
            return f"{r.choice(ATTACKERS).capitalize()} could {r.choice(IMPACTS)}."
        if k == 2:
            return f"Exploitation requires {r.choice(REQS)}."
        if k == 3:
            return f"{r.choice(TEAMS).capitalize()} confirmed the issue on {r.randint(2, 5)} hardware revisions."
        if k == 4:
            return f"Customers are not exposed if {r.choice(REQS).replace('that ', '')} is not given, because {r.choice(REASONS)}."
        if k == 5:
            return f"The `{c.replace(' ', '_')}` process handles {i} before the user has signed in."
        if k == 6:
            return f"With the fix, the {c} rejects malformed {i.replace('the ', '')} and records the attempt in the security log."
        if k == 7 and dev:
            return f"On the [{dev['name']}](/devices/{dev['slug']}/) the {c} is **enabled by default**."
        if k == 8:
            return f"{r.choice(TEAMS).capitalize()} verified the fix with a test suite of {r.randint(40, 900)} cases."
        if k == 9:
            return f"A successful attack leaves an entry with code `E-{r.randint(100, 999)}` in the security log."
        return r.choice(FILLER)

    def paragraph(self, n, dev=None):
        return [self.sentence(dev) for _ in range(n)]

    def code_block(self, dev=None):
        r = self.r
        kind = r.randrange(3)
        host = f"{dev['slug'] if dev else 'device'}.local"
        if kind == 0:
            lines = [f"$ {r.choice(TOOLS)} -v https://{host}/api/v1/status",
                     "HTTP/1.1 200 OK", "content-type: application/json", "",
                     '{"firmware": "%d.%d.%d", "uptime": %d, "secure_boot": true}'
                     % (r.randint(1, 4), r.randint(0, 9), r.randint(0, 12), r.randint(100, 99999))]
            return "```sh\n" + "\n".join(lines) + "\n```"
        if kind == 1:
            lines = [f"{2016 + r.randrange(10)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}T0{r.randint(0, 9)}:{r.randint(10, 59)}:{r.randint(10, 59)}Z "
                     f"{r.choice(['auth', 'update', 'net', 'api'])}[{r.randint(100, 999)}]: {r.choice(['rejected', 'accepted', 'failed'])} "
                     f"{r.choice(INPUTS).replace('the ', '')} from 192.168.{r.randint(0, 9)}.{r.randint(2, 250)}"
                     for _ in range(r.randint(3, 6))]
            return "```text\n" + "\n".join(lines) + "\n```"
        fn = r.choice(["parse_header", "read_tlv", "handle_request", "copy_name", "check_token"])
        lines = [f"static int {fn}(const uint8_t *buf, size_t len, struct ctx *c)", "{",
                 f"    if (len > sizeof c->scratch)   /* added in the fix */",
                 "        return -EINVAL;", "    memcpy(c->scratch, buf, len);",
                 f"    return {r.choice(['validate', 'dispatch', 'store'])}(c);", "}"]
        return "```c\n" + "\n".join(lines) + "\n```"


def words(blocks):
    return sum(len(b.split()) for b in blocks)


# ---------------------------------------------------------------------------
# TOML

class Inline(dict):
    """Written as an inline table."""


def tv(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Inline):
        return "{ " + ", ".join(f"{k} = {tv(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        return "[" + ", ".join(tv(x) for x in v) + "]"
    raise TypeError(v)


def is_table(v):
    return isinstance(v, dict) and not isinstance(v, Inline)


def is_table_array(v):
    return isinstance(v, list) and v and all(is_table(x) for x in v)


def toml(d, prefix=""):
    out = []
    for k, v in d.items():
        if not is_table(v) and not is_table_array(v) and v is not None:
            out.append(f"{k} = {tv(v)}")
    for k, v in d.items():
        if is_table(v):
            out += ["", f"[{prefix}{k}]"] + toml(v, f"{prefix}{k}.")
    for k, v in d.items():
        if is_table_array(v):
            for item in v:
                out += ["", f"[[{prefix}{k}]]"] + toml(item, f"{prefix}{k}.")
    return out


def front_matter(d, body):
    return "+++\n" + "\n".join(toml(d)).lstrip("\n") + "\n+++\n" + body


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def day(d):
    return d.strftime("%Y-%m-%d")


def long_date(d):
    return f"{d.day} {d.strftime('%B %Y')}"


# ---------------------------------------------------------------------------
# The model

def make_devices(rng, text, count):
    devices = []
    start = dt.datetime(2013, 6, 1, tzinfo=UTC)
    span = (dt.datetime(2022, 12, 31, tzinfo=UTC) - start).days
    for i in range(count):
        prefix, short, kind = DEVICE_TYPES[i % len(DEVICE_TYPES)]
        num = 100 + 10 * (i // len(DEVICE_TYPES)) + (i % 7)
        slug = f"{prefix}-{num}"
        ga = start + dt.timedelta(days=rng.randrange(span))
        eoss = ga.replace(year=ga.year + rng.randint(5, 9), month=12, day=31)
        eos = ga.replace(year=ga.year + rng.randint(3, 5), month=6, day=30)
        eol = eoss.replace(year=eoss.year + rng.randint(1, 3))
        dev = {"slug": slug, "name": f"Acme {short} {num}", "kind": kind, "ga": ga, "eoss": eoss,
               "eos": eos, "eol": eol, "basis": rng.choice(["guaranteed"] * 3 + ["best_effort"]),
               "automatic": rng.random() < 0.8}
        # Firmware releases every 45-120 days from GA until support ends.
        fw, t = [], ga
        major, minor, patch = 1, 0, 0
        stop = min(eoss, FIRMWARE_UNTIL)
        while t <= stop:
            fw.append({"version": f"{major}.{minor}.{patch}", "released": t, "advisories": []})
            x = rng.random()
            if x < 0.65:
                patch += 1
            elif x < 0.95:
                minor, patch = minor + 1, 0
            else:
                major, minor, patch = major + 1, 0, 0
            t = t + dt.timedelta(days=rng.randint(45, 120), hours=rng.randint(0, 12))
        dev["firmware"] = fw
        dev["guides"] = CAPABILITY_GUIDES + sorted(rng.sample(OTHER_GUIDES, rng.randint(3, 7)))
        devices.append(dev)
    return devices


def make_advisories(rng, n, devices):
    """Plans every advisory (no text yet); fills each device's firmware.advisories."""
    by_second = sorted(devices, key=lambda d: d["firmware"][1]["released"])
    seconds = [d["firmware"][1]["released"] for d in by_second]
    years = LAST_YEAR - FIRST_YEAR + 1
    plans, cve_next = [], {}
    for y in range(years):
        year = FIRST_YEAR + y
        count = n // years + (1 if y < n % years else 0)
        start = dt.datetime(year, 1, 2, tzinfo=UTC)
        offsets = sorted(rng.randrange(360 * 24) for _ in range(count))
        for k in range(count):
            published = start + dt.timedelta(hours=offsets[k], minutes=rng.choice([0, 0, 15, 30]))
            a = {"id": f"ACME-SA-{year}-{k + 1:04d}", "year": year, "published": published}
            x = rng.random()
            a["category"] = ("security_advisory" if x < 0.88 else "vex" if x < 0.95
                             else "informational" if x < 0.99 else "incident")
            y2 = rng.random()
            a["status"] = "draft" if y2 < 0.01 else "interim" if y2 < 0.05 else "final"
            if a["category"] != "security_advisory" and a["status"] == "interim":
                a["status"] = "final"
            a["tlp"] = "CLEAR"  # herald check flags non-CLEAR files in a site repository
            a["published_out"] = a["status"] != "draft" and a["tlp"] == "CLEAR"
            eligible = max(1, bisect.bisect_right(seconds, published))
            chosen = []
            for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
                for _try in range(6):
                    d = by_second[rng.randrange(eligible)]
                    if d in chosen:
                        continue
                    if d["eoss"] < published and _try < 5 and rng.random() < 0.75:
                        continue
                    chosen.append(d)
                    break
            a["devices"] = chosen
            a["affected"] = []
            for d in chosen:
                fw = d["firmware"]
                last = bisect.bisect_right([f["released"] for f in fw], published) - 1
                last = max(last, 1)
                first = rng.randint(max(0, last - 15), last - 1)
                entry = {"dev": d}
                if a["category"] in ("informational", "incident", "vex"):
                    pass
                elif a["status"] == "interim" or d["eoss"] < published:
                    entry["versions"] = f">= {fw[first]['version']}, <= {fw[last]['version']}"
                    entry["nofix"] = d["eoss"] < published
                else:
                    lo = f">= {fw[first]['version']}, " if rng.random() < 0.8 else ""
                    entry["versions"] = f"{lo}< {fw[last]['version']}"
                    entry["fixed"] = fw[last]
                    if a["published_out"]:
                        fw[last]["advisories"].append(a["id"])
                a["affected"].append(entry)
            nv = 0 if a["category"] in ("informational", "incident") else rng.choice([1, 1, 1, 2, 2, 3])
            a["vulns"] = []
            for _ in range(nv):
                cy = year if rng.random() < 0.8 else year - 1
                cve_next[cy] = cve_next.get(cy, 10000 + rng.randrange(200)) + rng.randint(1, 9)
                v = {"cve": f"CVE-{cy}-{cve_next[cy]}" if rng.random() < 0.92 else "",
                     "cwe": f"CWE-{rng.choice(CWES)}",
                     "v3": rng.choice(CVSS3) if a["category"] != "vex" or rng.random() < 0.3 else None,
                     "v4": rng.choice(CVSS4) if a["category"] != "vex" or rng.random() < 0.3 else None,
                     "exploited": a["category"] == "security_advisory" and rng.random() < 0.03}
                if a["category"] == "vex":
                    v["cve"] = v["cve"] or f"CVE-{cy}-{cve_next[cy]}"
                a["vulns"].append(v)
            a["withdrawn"] = a["published_out"] and rng.random() < 0.003
            a["superseded_by"] = None
            plans.append(a)
    # Superseded advisories name a later published one.
    published = [p for p in plans if p["published_out"]]
    for i, p in enumerate(published[:-60]):
        if not p["withdrawn"] and rng.random() < 0.005:
            p["superseded_by"] = published[i + rng.randint(1, 50)]["id"]
    return plans


SEV_NAMES = [(9.0, "critical"), (7.0, "high"), (4.0, "medium"), (0.1, "low"), (0.0, "none")]


def severity(score):
    for floor, name in SEV_NAMES:
        if score >= floor:
            return name
    return "none"


# ---------------------------------------------------------------------------
# Writers

def advisory_doc(rng, text, a):
    """Front matter (dict), Markdown body, and extra Hugo parameters."""
    devs = a["devices"]
    main = devs[0] if devs else None
    comp = rng.choice(COMPONENTS)
    cat = a["category"]
    if cat == "vex":
        title = f"VEX: Acme devices not affected by {a['vulns'][0]['cve']} in the {comp}"
    elif cat == "informational":
        title = f"Notice on the {comp} of the {', '.join(d['name'] for d in devs)}"
    elif cat == "incident":
        title = f"Security incident affecting the {comp} of Acme Cloud"
    else:
        title = (f"{rng.choice(['Authentication bypass', 'Buffer overflow', 'Command injection', 'Information disclosure', 'Denial of service', 'Cross-site scripting', 'Improper certificate validation', 'Hard-coded credentials', 'Path traversal', 'Privilege escalation'])} "
                 f"in the {comp} of the {' and '.join(d['name'] for d in devs[:2])}"
                 + (" and others" if len(devs) > 2 else ""))
    summary = " ".join(text.sentence(main, plain=True) for _ in range(rng.randint(2, 4)))
    fm = {"id": a["id"], "title": title, "category": cat, "status": a["status"],
          "published": a["published"], "tlp": a["tlp"], "summary": summary}
    hugo = {}
    if a["withdrawn"]:
        pass  # set below, once the revision dates are known
    if a["superseded_by"]:
        fm["superseded_by"] = a["superseded_by"]
    vulns, max_score = [], 0.0
    for vi, v in enumerate(a["vulns"]):
        x = {}
        if v["cve"]:
            x["cve"] = v["cve"]
        x["cwe"] = v["cwe"]
        x["title"] = f"{rng.choice(['Missing', 'Improper', 'Insufficient', 'Incorrect'])} {rng.choice(['validation', 'authentication', 'authorisation', 'bounds checking', 'encoding'])} of {rng.choice(INPUTS).replace('the ', '')} in the {rng.choice(COMPONENTS)}"
        if v["v3"]:
            x["cvss_v3"] = v["v3"][0]
        if v["v4"]:
            x["cvss_v4"] = v["v4"][0]
        # Later vulnerabilities may concern only some devices; the first concerns them
        # all, so that every [[affected]] device has a vulnerability (CSAF 6.2.1).
        if vi > 0 and len(devs) > 1 and cat == "security_advisory" and rng.random() < 0.5:
            x["devices"] = sorted(d["slug"] for d in rng.sample(devs, rng.randint(1, len(devs))))
        if v["exploited"]:
            x["actively_exploited"] = True
        for key, pair in (("v3", v["v3"]), ("v4", v["v4"])):
            if pair:
                max_score = max(max_score, pair[1])
        vulns.append(x)
    if vulns:
        fm["vulnerabilities"] = vulns
    if cat == "vex":
        fm["not_affected"] = [{"device": e["dev"]["slug"], "justification": rng.choice(JUSTIFICATIONS)}
                              for e in a["affected"]]
    else:
        aff = []
        for e in a["affected"]:
            x = {"device": e["dev"]["slug"]}
            if "versions" in e:
                x["versions"] = e["versions"]
            if "fixed" in e:
                x["fixed"] = e["fixed"]["version"]
            aff.append(x)
        fm["affected"] = aff
    rems = []
    for e in a["affected"]:
        d = e["dev"]
        if "fixed" in e:
            rems.append({"category": "vendor_fix",
                         "details": f"Update the {d['name']} to firmware {e['fixed']['version']} or later. Devices with automatic updates install it in their next maintenance window; otherwise install it in the app under {d['name']} › Settings › Firmware.",
                         "url": f"https://download.acme.example/firmware/{d['slug']}/{e['fixed']['version']}/",
                         "devices": [d["slug"]]})
        elif e.get("nofix"):
            rems.append({"category": "no_fix_planned",
                         "details": f"Security support for the {d['name']} ended on {long_date(d['eoss'])}; no fix will be released. Replace the device with a supported model.",
                         "url": f"/devices/{d['slug']}/#support", "devices": [d["slug"]]})
    if cat in ("security_advisory", "incident") and (not rems or rng.random() < 0.5 or a["status"] == "interim"):
        x = {"category": rng.choice(["mitigation", "workaround"]),
             "details": f"Until you have updated: switch off the {comp} if you do not use it (Settings › Advanced), keep the device on a separate network segment and do not forward ports to it. *Remote access through the Acme app keeps working.*"}
        if devs and cat == "security_advisory":
            x["devices"] = sorted(d["slug"] for d in devs)
        rems.append(x)
    if rems:
        fm["remediations"] = rems
    refs = [{"url": f"https://www.cve.org/CVERecord?id={v['cve']}", "summary": f"CVE record {v['cve']}"}
            for v in a["vulns"] if v["cve"]]
    for v in a["vulns"][:2]:
        refs.append({"url": f"https://cwe.mitre.org/data/definitions/{v['cwe'][4:]}.html", "summary": v["cwe"]})
    if main and rng.random() < 0.5:
        refs.append({"url": f"/devices/{main['slug']}/guides/software-update/",
                     "summary": f"How to install firmware updates on the {main['name']}"})
    if refs:
        fm["references"] = refs
    if rng.random() < 0.6:
        ack = {}
        if rng.random() < 0.8:
            ack["names"] = [rng.choice(["Jane", "Priya", "Dániel", "Sofia", "Kenji", "Amara", "Luca", "Mei", "Tomás", "Ole"])
                            + " " + rng.choice(["Researcher", "Raman", "Kovács", "Marchetti", "Tanaka", "Okafor", "Rossi", "Chen", "Silva", "Hansen"])]
        if not ack or rng.random() < 0.6:
            ack["organization"] = rng.choice(["Example Labs", "Tidewater Security Research", "Ostwind Threat Intelligence", "CERT-Bund (BSI)", "Kestrel Security Evaluation Lab"])
        fm["acknowledgments"] = [ack]
    revs, t = [], a["published"]
    for i in range(rng.choice([1, 1, 2, 2, 3, 4])):
        if i:
            t = t + dt.timedelta(days=rng.randint(1, 60), hours=rng.randint(1, 20))
        revs.append({"date": t, "summary": "Initial publication." if i == 0 else
                     rng.choice(["Added affected versions.", "Clarified the mitigation.", "Added a CVE id.",
                                 "Fixed release available; status changed to final.", "Added indicators of compromise.",
                                 "Corrected the CVSS vector.", "Added acknowledgments."])})
    fm["revisions"] = revs
    if a["withdrawn"]:
        fm["withdrawn"] = Inline(date=t + dt.timedelta(days=3), reason="Further analysis showed that the issue is not present in any firmware released to customers; no action is needed.")

    # Body: sections, then sentences added until the target word count is reached.
    target = rng.randint(400, 900)
    paras = [text.paragraph(rng.randint(2, 4), main) for _ in range(5)]
    bullets = [text.sentence(main) for _ in range(rng.randint(3, 6))]
    steps = [f"Open **Settings › {rng.choice(['Firmware', 'Advanced', 'Local access', 'Privacy', 'Network'])}** and {rng.choice(['check the installed version', 'switch off the ' + rng.choice(COMPONENTS), 'install the update', 'review the security log', 'change the admin password'])}."
             for _ in range(rng.randint(3, 5))]
    code = text.code_block(main)
    table_rows = [f"| `{rng.choice(['local_access', 'upnp', 'legacy_remote', 'telnet', 'rtsp', 'onvif', 'auto_update'])}` | {rng.choice(['off', 'on', 'LAN only'])} | {rng.choice(FILLER)} |"
                  for _ in range(rng.randint(3, 5))]
    timeline = []
    t0 = a["published"] - dt.timedelta(days=rng.randint(30, 120))
    for ev in ["Report received", "Issue confirmed", "Fix developed and tested", "Fixed firmware released", "Advisory published"][: rng.randint(3, 5)]:
        timeline.append(f"| {day(t0)} | {ev} |")
        t0 = t0 + dt.timedelta(days=rng.randint(2, 25))
    fixed_skeleton = words(bullets + steps + table_rows + timeline + [code]) + 40
    while fixed_skeleton + sum(words(p) for p in paras) < target:
        rng.choice(paras).append(text.sentence(main))
    body = ["## Details", " ".join(paras[0]), " ".join(paras[1])]
    if rng.random() < 0.5:
        body += ["### Root cause", " ".join(paras[2]), code]
    else:
        body += [" ".join(paras[2]), code]
    body += ["## Affected configurations", "\n".join("- " + b for b in bullets),
             "## Impact", " ".join(paras[3]),
             "## Mitigation", "\n".join(f"{i + 1}. {s}" for i, s in enumerate(steps)),
             "| Setting | Recommended | Why |\n|---|---|---|\n" + "\n".join(table_rows),
             "## Detection", " ".join(paras[4]),
             "## Timeline", "| Date | Event |\n|---|---|\n" + "\n".join(timeline)]
    hugo["score"] = max_score
    hugo["severity"] = severity(max_score) if any(v["v3"] or v["v4"] for v in a["vulns"]) else ""
    score = lambda p: Inline(vector=p[0], score=p[1], severity=severity(p[1])) if p else None
    hugo["scores"] = [{"v3": score(v["v3"]), "v4": score(v["v4"])} for v in a["vulns"]]
    return fm, "\n\n".join(body) + "\n", hugo


def device_doc(rng, text, d, all_devices):
    name, slug = d["name"], d["slug"]
    fw_entries = []
    for f in d["firmware"]:
        e = {"version": f["version"], "released": f["released"].date(),
             "notes": " ".join(text.paragraph(rng.randint(1, 2)))}
        sec = bool(f["advisories"]) or rng.random() < 0.2
        e["is_security"] = sec
        if sec:
            e["security_notes"] = (f"Fixes {', '.join(f['advisories'][:6])}{' and more' if len(f['advisories']) > 6 else ''}. " if f["advisories"] else "") + text.sentence(d)
            e["criticality"] = rng.choice(["critical", "high", "high", "medium"])
            e["install_within_days"] = rng.choice([3, 7, 14, 30])
        else:
            e["criticality"] = "low"
            e["install_within_days"] = rng.choice([60, 90])
        e["download_url"] = f"https://download.acme.example/firmware/{slug}/{f['version']}/"
        e["free_of_charge"] = True
        e["sbom_url"] = f"https://download.acme.example/sbom/{slug}/{f['version']}.cdx.json"
        if f["advisories"]:
            e["advisories"] = list(f["advisories"])
        fw_entries.append(e)
    models = [f"{slug.upper().replace('-', '')}-{m} (order no. ACM-{slug.upper()}-{m}-01)" for m in ("EU", "UK", "US")]
    eos = d["eos"].date() if rng.random() < 0.8 else "tba"
    ga = d["ga"].date()
    eoss = d["eoss"].date()
    history = []
    if rng.random() < 0.4:
        old = eoss.replace(year=eoss.year - 1)
        history = [Inline(date=(d["ga"] + dt.timedelta(days=400)).date(), end_of_security_support=eoss,
                          note=f"Extended from {long_date(old)}.")]
    fm = {
        "markets": rng.sample(["eu", "uk", "us", "ca", "au", "jp"], rng.randint(1, 4)),
        "identity": {"name": name, "type": d["kind"], "models": models,
                     "hardware_versions": [f"rev. {c}" for c in "ABC"[: rng.randint(1, 3)]],
                     "cpe": f"cpe:2.3:o:acme:{slug.replace('-', '_')}_firmware:*:*:*:*:*:*:*:*",
                     "purl": f"pkg:generic/acme/{slug}-firmware",
                     "marking": f"Model designation, order number, serial number and MAC address are printed on the label of the {name} and on the box. The app shows them under {name} › Settings › Device info.",
                     "components": [f"{name} device", "Acme app for Android and iOS", "Acme Cloud"]},
        "lifecycle": {"expected_lifespan": f"{rng.randint(5, 12)} years", "costs": "Security updates are free for the whole support period. " + text.sentence(d),
                      "retain_until": eoss.replace(year=eoss.year + 6)},
        "intended_use": {"purpose": f"The {name} is a {d['kind']} for homes and small offices. " + text.sentence(d),
                         "customers": "Private households and small businesses.",
                         "use_cases": " ".join(text.paragraph(2, d)),
                         "physical": "Indoor use, 0–40 °C, powered by the supplied USB-C adapter.",
                         "consumer": True, "for_integration": rng.random() < 0.2},
        "network": {"requirements": "Wi-Fi 2.4 GHz (WPA2 or WPA3) with DHCP and internet access. Outbound TCP 443 must be allowed.",
                    "interfaces": "- **Wi-Fi, TCP 443 (HTTPS)** – local settings page; needs the admin password.\n- **Bluetooth LE** – setup only.\n- **USB-C** – power only.",
                    "unauthenticated_functions": "none: all functions need the owner's cloud session or the local password.",
                    "services": ["Acme Cloud (AWS, Frankfurt and Oregon)", "Acme update service (download.acme.example)", "NTP (time.acme.example)"]},
        "data": {"handled": " ".join(text.paragraph(2, d)), "inputs_outputs": text.sentence(d),
                 "personal_data": "The account email address and device events that can show presence. " + text.sentence(d),
                 "telemetry": "Firmware version, uptime and crash reports, once a day; can be switched off.",
                 "sensors": ["none"] if rng.random() < 0.5 else ["motion sensor", "temperature sensor"],
                 "retention": "Events 30 days on the device, 7 days in Acme Cloud.",
                 "third_parties": "Amazon Web Services hosts Acme Cloud. No data is sold.",
                 "cloud_access": "Owners can export and delete their data at https://my.acme.example/privacy/export."},
        "security": {"platform": "Acme OS 2 on embedded Linux 6.1 LTS.", "environment": text.sentence(d),
                     "properties": "Secure boot, signed updates with anti-rollback, unique per-device credentials, TLS 1.3.",
                     "component_protection": "Keys are kept in a secure element; JTAG and the debug UART are disabled by fuses.",
                     "risks": " ".join(text.paragraph(2, d))},
        "capabilities": {k: Inline(supported=True) for k in ["identification", "configuration", "data_protection",
                                                             "interface_access", "software_update", "state_awareness"]},
        "support": {"general_availability": ga, "end_of_sales": eos, "end_of_life": d["eol"].date() if rng.random() < 0.5 else "tba",
                    "end_of_security_support": eoss, "basis": d["basis"], "source": "/support-policy/",
                    "summary": f"Acme provides free security updates for the {name} until {long_date(d['eoss'])}.",
                    "update_frequency": "Maintenance releases about every three months; security fixes as soon as they are ready.",
                    "update_mechanism": "Signed over-the-air updates into an inactive A/B partition, with automatic rollback.",
                    "automatic_updates": d["automatic"],
                    # Reviewed after support ended, if it has (herald check: support-ended).
                    "last_reviewed": eoss + dt.timedelta(days=1) if d["eoss"] < BUILD_TIME else dt.date(2026, 6, 1)},
        "compliance": {"laws": ["EU Radio Equipment Directive 2014/53/EU", "EU Cyber Resilience Act (EU) 2024/2847", "GDPR (EU) 2016/679"],
                       "eu_declaration_url": f"https://acme.example/compliance/{slug}/eu-declaration-of-conformity.pdf"},
        "sbom": {"maintained": True, "hbom_maintained": False, "format": "cyclonedx", "public": True,
                 "url": f"https://download.acme.example/sbom/{slug}/"},
        "maintenance": {"performed_by": "none: Acme never accesses an installed device.", "confidentiality": "none: see above."},
        "firmware": fw_entries,
    }
    if history:
        fm["support"]["history"] = history
    others = rng.sample(all_devices, min(3, len(all_devices)))
    body = [f"The **{name}** is a {d['kind']} by Acme. " + " ".join(text.paragraph(3, d)),
            "## Security at a glance",
            "\n".join("- " + s for s in ["No shared default password: every device has its own setup code.",
                                          "Secure boot, a secure element for keys and signed, automatic updates.",
                                          f"Free security updates until **{long_date(d['eoss'])}**."]),
            f"Start with the [software update guide](/devices/{slug}/guides/software-update/). Related devices: "
            + ", ".join(f"[{o['name']}](/devices/{o['slug']}/)" for o in others) + "."]
    return fm, "\n\n".join(body) + "\n"


def guide_doc(rng, text, d, topic):
    title = GUIDE_TITLES[topic].format(n=d["name"])
    target = rng.randint(250, 500)
    paras = [text.paragraph(rng.randint(2, 3), d) for _ in range(3)]
    steps = [f"Open **{d['name']} › Settings › {rng.choice(['Security', 'Firmware', 'Network', 'Users', 'Privacy'])}** and {rng.choice(['check the value', 'select the option', 'confirm with your password', 'wait for the restart'])}." for _ in range(rng.randint(3, 6))]
    while words(steps) + sum(words(p) for p in paras) < target:
        rng.choice(paras).append(text.sentence(d))
    body = [" ".join(paras[0]), "## Before you start", " ".join(paras[1]),
            "## Step by step", "\n".join(f"{i + 1}. {s}" for i, s in enumerate(steps)),
            "## Good to know", " ".join(paras[2])]
    if rng.random() < 0.5:
        body.append("| Role | Can change |\n|---|---|\n| Owner | Everything |\n| Member | Schedules and notifications |\n| Guest | Nothing |")
    return {"title": title, "topic": topic}, "\n\n".join(body) + "\n"


PAGES = [("security-practices", "Security practices", "security-practices"),
         ("support-policy", "Support policy", "support-policy"),
         ("privacy", "Privacy notice for Acme devices", "privacy"),
         ("certifications", "Certifications and evaluations", "certifications"),
         ("risk-summary", "Summary of our product risk assessment", "risk-summary"),
         ("acknowledgments", "Acknowledgments", "other")]


def page_doc(rng, text, title, role):
    paras = [text.paragraph(rng.randint(3, 5)) for _ in range(4)]
    body = [" ".join(paras[0]), "## Scope", " ".join(paras[1]), "## What we do",
            "\n".join("- " + text.sentence() for _ in range(5)), "## More", " ".join(paras[2]), " ".join(paras[3])]
    return {"title": title, "role": role}, "\n\n".join(body) + "\n"


SITE_TOML = '''# herald benchmark corpus (bench/gen_corpus.py): {n} advisories, {d} devices.

[site]
title = "Acme PSIRT"
base_url = "https://security.acme.example"
language = "en"
description = "Security advisories, support periods and security documentation for Acme smart-home devices."

[manufacturer]
legal_name = "Acme Connected Devices GmbH"
trade_name = "Acme"
postal_address = """
Acme Connected Devices GmbH
Product Security Incident Response Team (PSIRT)
Landsberger Straße 302
80687 München
Germany
"""
email = "info@acme.example"
website = "https://acme.example"

[publisher]
name = "Acme PSIRT"
namespace = "https://acme.example"
category = "vendor"
contact_details = "Acme PSIRT, psirt@acme.example, +49 89 4520 7700"
issuing_authority = "Acme PSIRT publishes security advisories, VEX statements and incident notices for all Acme devices."

[disclosure]
contact = ["mailto:psirt@acme.example", "https://acme.example/psirt/report", "tel:+49-89-4520-7700"]
policy_url = "/security/"
scope = """
We accept reports about everything we ship and operate:

- Acme devices and their firmware, including devices past their end of security support;
- the Acme app for Android and iOS;
- Acme Cloud services and APIs (`*.acme.example`).
"""
report_guidance = "Name the product, model, hardware revision and firmware version, and describe the steps to reproduce."
process = """
1. **Acknowledge** – a person confirms receipt.
2. **Triage** – we reproduce the issue and score it with CVSS 3.1 and 4.0.
3. **Fix** – engineering develops and tests a fix.
4. **Disclose** – we publish an advisory here and as CSAF 2.0.
"""
acknowledge_days = 3
status_update_days = 14
triage_days = 10
fix_days = 90
openpgp_key_url = "https://acme.example/psirt/acme-psirt.asc"
preferred_languages = ["en", "de"]
bug_bounty_url = "https://acme.example/psirt/bug-bounty"
safe_harbour = "If you act in good faith, Acme will not take legal action against you."
acknowledgments_url = "/acknowledgments/"

[security_txt]
expires_days = 180
hiring_url = "https://acme.example/careers/product-security"

[support]
channels = [
  {{ address = "tel:+49-89-4520-7710", label = "Customer care", hours = "Mon–Fri 08:00–20:00 CET", automated = false }},
  {{ address = "mailto:support@acme.example", label = "Email for security, privacy and compliance questions", hours = "Answered within 2 business days", automated = false }},
  {{ address = "https://acme.example/support/assistant", label = "Acme Assistant (chatbot)", hours = "24/7", automated = true }},
]
security_contact = "mailto:psirt@acme.example"
compliance = "Send compliance questions to `compliance@acme.example`, naming the products and the regulation."
compliance_answer_days = 15
security_help_url = "https://acme.example/support/secure-configuration"
portal_url = "https://my.acme.example/support/security"
doc_request_url = "https://acme.example/support/documentation-request"
bug_report_url = "https://acme.example/support/report-a-bug"

[practices]
certifications = [
  {{ name = "ISO/IEC 27001:2022", issuer = "Nordlicht Zertifizierung GmbH", scope = "Product development and PSIRT", date = 2025-03-18, url = "https://acme.example/trust/certificates/iso-27001.pdf" }},
]

[notifications]
policy = "We tell customers about vulnerabilities, security updates, end of security support and incidents, on this site, in feeds and by email."
subscribe_url = "https://acme.example/psirt/subscribe"

[csaf]
role = "csaf_provider"
default_tlp = "CLEAR"
legal_notice = "This document is provided as is, without warranty of any kind."

[feeds]
limit = 50

[build]
output_dir = "public"
theme = "default"
raw_html = false
'''


def hugo_front(fm, extra):
    """Hugo front matter: herald's keys plus what Hugo needs (dates, taxonomy, computed scores)."""
    out = dict(extra)
    out.update(fm)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of advisories")
    ap.add_argument("out", help="herald site folder to write (replaced)")
    ap.add_argument("--hugo", help="also write the same content as a Hugo site here (replaced)")
    ap.add_argument("--seed", type=int, default=8259)
    ap.add_argument("--devices", type=int, help="number of devices (default min(300, N/50), at least 4)")
    args = ap.parse_args()

    n = args.n
    ndev = args.devices or max(4, min(300, n // 50))
    rng = random.Random(args.seed * 1000003 + n)
    text = Text(rng)
    devices = make_devices(rng, text, ndev)
    plans = make_advisories(rng, n, devices)

    for d in (args.out, args.hugo):
        if d and os.path.exists(d):
            if os.path.exists(os.path.join(d, ".git")):
                sys.exit(f"refusing to replace {d}: it holds a .git folder")
            shutil.rmtree(d)
    out, hugo = args.out, args.hugo
    write(f"{out}/site.toml", SITE_TOML.format(n=n, d=ndev))
    words_total = 0

    dev_by_slug = {d["slug"]: d for d in devices}
    for a in plans:
        fm, body, extra = advisory_doc(rng, text, a)
        words_total += len(body.split())
        write(f"{out}/advisories/{a['year']}/{a['id']}.md", front_matter(fm, body))
        if hugo:
            slugs = sorted({e["dev"]["slug"] for e in a["affected"]})
            hx = {"date": a["published"], "draft": not a["published_out"], "devices": slugs,
                  "severity": extra["severity"], "score": extra["score"]}
            hfm = hugo_front(fm, hx)
            hfm["vulnerabilities"] = [dict(v, v3=s["v3"], v4=s["v4"]) for v, s in zip(fm.get("vulnerabilities", []), extra["scores"])]
            if not hfm["vulnerabilities"]:
                del hfm["vulnerabilities"]
            # Hugo cannot look firmware up cheaply: the fixed release's date rides along.
            for x in hfm.get("affected", []):
                if "fixed" in x:
                    fw = next(f for f in dev_by_slug[x["device"]]["firmware"] if f["version"] == x["fixed"])
                    x["fixed_date"] = fw["released"]
            write(f"{hugo}/content/advisories/{a['id']}.md", front_matter(hfm, body))

    for d in devices:
        fm, body = device_doc(rng, text, d, devices)
        write(f"{out}/content/devices/{d['slug']}/index.md", front_matter(fm, body))
        if hugo:
            hfm = dict(fm)
            hfm = {"title": d["name"], "slug_id": d["slug"], **fm}
            write(f"{hugo}/content/devices/{d['slug']}/_index.md", front_matter(hfm, body))
            write(f"{hugo}/content/guides/{d['slug']}/_index.md",
                  front_matter({"title": d["name"] + " guides", "_build": Inline(render="never", list="always")}, ""))
        for topic in d["guides"]:
            gfm, gbody = guide_doc(rng, text, d, topic)
            write(f"{out}/content/devices/{d['slug']}/guides/{topic}.md", front_matter(gfm, gbody))
            if hugo:
                write(f"{hugo}/content/guides/{d['slug']}/{topic}.md",
                      front_matter({"title": gfm["title"], "topic": topic, "device": d["slug"], "device_name": d["name"],
                                    "url": f"/devices/{d['slug']}/guides/{topic}/"}, gbody))

    for name, title, role in PAGES:
        pfm, pbody = page_doc(rng, text, title, role)
        write(f"{out}/content/pages/{name}.md", front_matter(pfm, pbody))
        if hugo:
            write(f"{hugo}/content/{name}.md", front_matter({"title": title, "url": f"/{name}/"}, pbody))

    if hugo:
        write_hugo_site(hugo, rng, text)
    print(f"{out}: {n} advisories ({sum(p['published_out'] for p in plans)} published), {ndev} devices, "
          f"{sum(len(d['guides']) for d in devices)} guides, {sum(len(d['firmware']) for d in devices)} firmware releases, "
          f"{words_total} words in advisory bodies" + (f"; Hugo site in {hugo}" if hugo else ""))


def write_hugo_site(hugo, rng, text):
    shutil.copytree(os.path.join(HERE, "hugo"), hugo, dirs_exist_ok=True)
    css = os.path.join(HERE, "..", "themes", "default", "static", "assets", "style.css")
    if os.path.exists(css):  # the stylesheet herald embeds, so both sites ship the same bytes
        os.makedirs(f"{hugo}/static/assets", exist_ok=True)
        shutil.copy(css, f"{hugo}/static/assets/style.css")
    write(f"{hugo}/content/_index.md", front_matter({"title": "Acme PSIRT"}, "Security advisories, support periods and security documentation for Acme smart-home devices.\n"))
    write(f"{hugo}/content/advisories/_index.md", front_matter({"title": "Security advisories"}, ""))
    write(f"{hugo}/content/devices/_index.md", front_matter({"title": "Devices"}, ""))
    write(f"{hugo}/content/guides/_index.md", front_matter({"title": "Guides", "_build": Inline(render="never", list="always")}, ""))
    write(f"{hugo}/content/security.md", front_matter({"title": "Report a vulnerability", "url": "/security/"},
          "\n\n".join(["## Scope", " ".join(text.paragraph(4)), "## How to report", "- mailto:psirt@acme.example\n- https://acme.example/psirt/report", "## Process", "1. Acknowledge\n2. Triage\n3. Fix\n4. Disclose"]) + "\n"))
    write(f"{hugo}/content/support.md", front_matter({"title": "Support", "url": "/support/"},
          "\n\n".join(["## Channels", "| Channel | Hours |\n|---|---|\n| tel:+49-89-4520-7710 | Mon–Fri |\n| mailto:support@acme.example | 2 business days |", " ".join(text.paragraph(4))]) + "\n"))


if __name__ == "__main__":
    main()
