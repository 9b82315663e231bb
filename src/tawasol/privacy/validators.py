"""Checksums that turn a digit pattern into an identifier: Luhn, IBAN and RIB mod-97, NIR, DNI/NIE."""

from __future__ import annotations

import ipaddress

# Lengths of the IBANs of the countries a Moroccan contact centre meets most; others only need 15-34.
IBAN_LENGTHS = {
    "MA": 28, "FR": 27, "ES": 24, "BE": 16, "DE": 22, "GB": 22, "IT": 27, "NL": 18, "PT": 25,
    "CH": 21, "LU": 20, "IE": 22, "AT": 20, "TN": 24, "DZ": 26, "SA": 24, "AE": 23, "MC": 27,
}


def digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def luhn_ok(number: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = ord(char) - 48
        if index % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def iban_ok(candidate: str) -> bool:
    iban = candidate.replace(" ", "").replace("-", "").upper()
    if not (15 <= len(iban) <= 34) or not iban[:2].isalpha() or not iban[2:4].isdigit() or not iban.isalnum():
        return False
    expected = IBAN_LENGTHS.get(iban[:2])
    if expected is not None and len(iban) != expected:
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def rib_ok(digits: str) -> bool:
    """Moroccan RIB: bank (3) + city (3) + account (16) + key (2); the whole number is 0 mod 97."""
    return len(digits) == 24 and digits.isdigit() and int(digits) % 97 == 0


def nir_ok(digits: str) -> bool:
    """French social-security number (NIR): 13 digits and a key of 97 - (number mod 97)."""
    if len(digits) != 15 or digits[0] not in "12":
        return False
    return 97 - int(digits[:13]) % 97 == int(digits[13:])


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(candidate: str) -> bool:
    """Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter)."""
    value = candidate.replace("-", "").replace(" ", "").upper()
    if len(value) != 9:
        return False
    head = value[:8]
    if head[0] in "XYZ":
        head = str("XYZ".index(head[0])) + head[1:]
    if not head.isdigit():
        return False
    return _DNI_LETTERS[int(head) % 23] == value[8]


def ip_ok(candidate: str) -> bool:
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return False
    return True
