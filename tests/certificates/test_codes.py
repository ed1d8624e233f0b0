from hypothesis import given
from hypothesis import strategies as st

from certificates.codes import ALPHABET, new_code, normalize


def test_a_new_code_is_three_groups_of_four_crockford_characters_and_random():
    codes = {new_code() for _ in range(2000)}

    assert len(codes) == 2000
    for code in codes:
        groups = code.split("-")
        assert [len(group) for group in groups] == [4, 4, 4]
        assert set("".join(groups)) <= set(ALPHABET)
    assert len(ALPHABET) ** 12 >= 2**60


def test_typed_codes_are_read_forgivingly():
    assert normalize("7k3m q9tx 2d4f") == "7K3M-Q9TX-2D4F"
    assert normalize("7K3MQ9TX2D4F") == "7K3M-Q9TX-2D4F"
    assert normalize(" 7K3M-Q9TX-2D4F\n") == "7K3M-Q9TX-2D4F"
    assert normalize("OIL0-1111-0000") == "0110-1111-0000"  # O is 0; I and L are 1


def test_codes_of_the_wrong_length_or_alphabet_are_not_codes():
    for typed in [
        "",
        "7K3M-Q9TX-2D4",
        "7K3M-Q9TX-2D4F-X",
        "7K3M-Q9TX-2D4U",
        "7К3М-Q9TX-2D4F",
        "x" * 400,
        None,
    ]:
        assert normalize(typed) is None


@given(st.lists(st.sampled_from(ALPHABET), min_size=12, max_size=12), st.sampled_from(["", " ", "-"]))
def test_any_code_survives_being_typed_in_lower_case_with_any_separator(chars, separator):
    code = "-".join("".join(chars[i : i + 4]) for i in (0, 4, 8))
    assert normalize(separator.join(code.lower().split("-"))) == code
