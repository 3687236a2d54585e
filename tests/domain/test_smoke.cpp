#include "domain/money.h"
#include <catch2/catch.hpp>
TEST_CASE("money smoke", "[domain]") { CHECK(narcisse::domain::Money::cents(1250).plain() == "12.50"); }
