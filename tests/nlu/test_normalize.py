from tawasol.nlu import normalize, to_matching_form


def test_arabic_variants_diacritics_tatweel_and_digits_are_unified() -> None:
    assert normalize("أُرِيدُ ٱلتَّحَدُّث مع موظـــف ١٢٣") == "اريد التحدث مع موظف 123"


def test_latin_is_lowercased_accents_folded_and_elongations_shortened() -> None:
    assert normalize("  MERCIIIII   Réseau  ") == "merci reseau"


def test_emoji_are_kept() -> None:
    assert "😍" in normalize("top 😍")


def test_empty_and_digits_only() -> None:
    assert normalize("") == ""
    assert normalize("0612") == "0612"
    assert to_matching_form("") == ""


def test_darija_in_both_scripts_meets_in_the_matching_form() -> None:
    assert to_matching_form("wach kayn réseau f casa") == to_matching_form("واش كاين الريزو ف كازا")
    assert to_matching_form("bghit nhder m3a chi wahed") == to_matching_form("بغيت نهضر مع شي واحد")


def test_matching_form_keeps_numbers() -> None:
    assert to_matching_form("recharge 100 dh").split()[-2] == "100"
