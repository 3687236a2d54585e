// Money: cents and currency, parsing what a person types, formatting for screens and files, and
// the VAT contained in a tax-inclusive amount (DESIGN.md §3: per line, rounded half up).
#include "domain/errors.h"
#include "domain/money.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

TEST_CASE("Money adds, subtracts, negates and multiplies in cents", "[domain][money]") {
    const Money twelve = Money::euros(12);
    const Money fifty = Money::cents(50);
    CHECK(twelve.cents() == 1200);
    CHECK((twelve + fifty).cents() == 1250);
    CHECK((twelve - fifty).cents() == 1150);
    CHECK((fifty - twelve).cents() == -1150);
    CHECK((-fifty).cents() == -50);
    CHECK((Money::cents(1250) * 3).cents() == 3750);
    CHECK((Money::cents(1250) * 0).cents() == 0);

    Money running = Money::zero();
    running += twelve;
    running += fifty;
    running -= Money::cents(5);
    CHECK(running == Money::cents(1245));

    CHECK(Money{} == Money::zero());
    CHECK(Money{}.currency() == "EUR");
    CHECK(Money::cents(7, "USD").currency() == "USD");
    CHECK(Money::cents(1249) < Money::cents(1250));
    CHECK(Money::cents(-1) < Money::zero());
    CHECK(Money::cents(100, "EUR") != Money::cents(100, "USD"));
}

TEST_CASE("Money refuses to combine two currencies", "[domain][money]") {
    const Money eur = Money::cents(100);
    const Money usd = Money::cents(100, "USD");
    CHECK_THROWS_AS(eur + usd, ConflictError);
    CHECK_THROWS_AS(eur - usd, ConflictError);
    CHECK_THROWS_AS(eur < usd, ConflictError);
    Money m = eur;
    CHECK_THROWS_AS(m += usd, ConflictError);
    CHECK(m == eur);  // the refused addition changed nothing
    CHECK(errorMessage<ConflictError>([&] { (void)(eur + usd); }) == "cannot combine amounts in EUR and USD");
}

TEST_CASE("Money parses what a person types at the desk", "[domain][money]") {
    CHECK(Money::parse("12", "price").cents() == 1200);
    CHECK(Money::parse("12.5", "price").cents() == 1250);
    CHECK(Money::parse("12,50", "price").cents() == 1250);
    CHECK(Money::parse("-3.05", "price").cents() == -305);
    CHECK(Money::parse("0,07", "price").cents() == 7);
    CHECK(Money::parse("  8.90 ", "price").cents() == 890);
    CHECK(Money::parse("1234567.89", "price").cents() == 123456789);
    CHECK(Money::parse("12", "price").currency() == "EUR");
    CHECK(Money::parse("12", "price", "USD") == Money::cents(1200, "USD"));
}

TEST_CASE("Money refuses a malformed amount and names the field", "[domain][money]") {
    for (const char* text : {"", "   ", "1.234", "abc", "1.2.3", "12,5,0", "-", "12 €", "1e3", "--3"}) {
        INFO("input: \"" << text << "\"");
        CHECK(refusedField([&] { Money::parse(text, "adult price"); }) == "adult price");
    }
    CHECK(errorMessage<ValidationError>([] { Money::parse("", "adult price"); }) ==
          "adult price: an amount is required");
    CHECK(errorMessage<ValidationError>([] { Money::parse("1.234", "adult price"); }) ==
          "adult price: has more than two decimals");
    CHECK(errorMessage<ValidationError>([] { Money::parse("abc", "adult price"); }) ==
          "adult price: must be an amount like 12.50");
    CHECK(errorMessage<ValidationError>([] { Money::parse("1.2.3", "adult price"); }) ==
          "adult price: has more than one decimal separator");
}

TEST_CASE("Money formats with the caller's separators", "[domain][money]") {
    CHECK(Money::cents(123450).format(',', " ") == "1 234,50");
    CHECK(Money::cents(-123450).format(',', " ") == "-1 234,50");
    CHECK(Money::cents(100000000).format(',', " ") == "1 000 000,00");
    CHECK(Money::cents(99999).format(',', " ") == "999,99");
    CHECK(Money::cents(123450).format(',', "\u202F") == "1\u202F234,50");
    CHECK(Money::cents(123450).format('.') == "1234.50");
    CHECK(Money::cents(5).format(',') == "0,05");
    CHECK(Money::cents(-5).format('.') == "-0.05");
    CHECK(Money::zero().format(',', " ") == "0,00");

    CHECK(Money::cents(123450).plain() == "1234.50");
    CHECK(Money::cents(-305).plain() == "-3.05");
    CHECK(Money::cents(1250).display() == "12.50 €");
    CHECK(Money::cents(1250).display(',') == "12,50 €");
    CHECK(Money::cents(1250, "USD").display() == "12.50 USD");
}

TEST_CASE("Money parses back what it writes to files", "[domain][money]") {
    for (std::int64_t c : {0LL, 1LL, 7LL, 99LL, 100LL, 1250LL, -305LL, 123456789LL}) {
        const Money m = Money::cents(c);
        CHECK(Money::parse(m.plain(), "amount") == m);
        CHECK(Money::parse(m.format(','), "amount") == m);
    }
}

TEST_CASE("VAT contained in an amount at 10 %, rounded half up", "[domain][money][vat]") {
    // VAT = amount × 1000 / 11000 = amount / 11.
    CHECK(Money::cents(1250).vatIncluded(1000).cents() == 114);  // 113.63… → 114
    CHECK(Money::cents(1200).vatIncluded(1000).cents() == 109);  // 109.09… → 109
    CHECK(Money::cents(700).vatIncluded(1000).cents() == 64);    //  63.63… →  64
    CHECK(Money::cents(2400).vatIncluded(1000).cents() == 218);  // 218.18… → 218
    CHECK(Money::cents(1100).vatIncluded(1000).cents() == 100);  // exact
    CHECK(Money::cents(1).vatIncluded(1000).cents() == 0);       //   0.09… →   0
    CHECK(Money::cents(6).vatIncluded(1000).cents() == 1);       //   0.54… →   1
    CHECK(Money::cents(5).vatIncluded(1000).cents() == 0);       //   0.45… →   0
    // Never exactly on .5 at 10 %: that would need amount = 11k + 5.5 cents.
    CHECK(Money::zero().vatIncluded(1000).cents() == 0);
    CHECK(Money::cents(1250).vatIncluded(0).cents() == 0);
}

TEST_CASE("VAT contained in an amount at 20 %, exactly on half a cent rounds up", "[domain][money][vat]") {
    // VAT = amount × 2000 / 12000 = amount / 6; amount = 6k + 3 lands exactly on .5.
    CHECK(Money::cents(1250).vatIncluded(2000).cents() == 208);  // 208.33… → 208
    CHECK(Money::cents(1200).vatIncluded(2000).cents() == 200);  // exact
    CHECK(Money::cents(3).vatIncluded(2000).cents() == 1);       //   0.5   →   1
    CHECK(Money::cents(1503).vatIncluded(2000).cents() == 251);  // 250.5   → 251
    CHECK(Money::cents(1497).vatIncluded(2000).cents() == 250);  // 249.5   → 250
    CHECK(Money::cents(1502).vatIncluded(2000).cents() == 250);  // 250.33… → 250
    CHECK(Money::cents(1504).vatIncluded(2000).cents() == 251);  // 250.66… → 251
}

TEST_CASE("VAT of a refund mirrors the VAT of the sale", "[domain][money][vat]") {
    // Half away from zero: a refund cancels exactly the VAT its sale collected.
    CHECK(Money::cents(-1503).vatIncluded(2000).cents() == -251);
    CHECK(Money::cents(-1250).vatIncluded(1000).cents() == -114);
    CHECK(Money::cents(-1502).vatIncluded(2000).cents() == -250);
    CHECK(Money::cents(1250, "USD").vatIncluded(1000) == Money::cents(114, "USD"));
}
