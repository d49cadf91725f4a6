import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from verkko.lib.business_id import business_id_check_digit, is_valid_business_id, validate_business_id


@pytest.mark.parametrize("business_id", ["0187690-1", "0246246-0", "0245872-8"])
def test_real_business_ids_are_valid(business_id):
    assert is_valid_business_id(business_id)
    validate_business_id(business_id)


def test_a_wrong_check_digit_is_rejected_with_its_own_message():
    with pytest.raises(ValidationError) as error:
        validate_business_id("0187690-2")
    assert error.value.code == "check_digit"


@pytest.mark.parametrize("value", ["", "187690-1", "01876901", "0187690-12", "O187690-1", " 0187690-1"])
def test_malformed_business_ids_are_rejected_as_format_errors(value):
    with pytest.raises(ValidationError) as error:
        validate_business_id(value)
    assert error.value.code == "format"


@given(st.text(alphabet="0123456789", min_size=7, max_size=7), st.integers(min_value=0, max_value=9))
def test_exactly_the_computed_check_digit_is_accepted(first_seven, digit):
    expected = business_id_check_digit(first_seven)
    assert is_valid_business_id(f"{first_seven}-{digit}") == (expected == digit)
