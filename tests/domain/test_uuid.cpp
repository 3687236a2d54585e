// Uuid: client-generated, version 7 (time-ordered) identities, and their canonical text form.
#include "domain/uuid.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <thread>

using namespace narcisse::domain;

namespace {
std::uint64_t embeddedMilliseconds(const Uuid& u) {
    std::uint64_t ms = 0;
    for (int i = 0; i < 6; ++i) ms = (ms << 8) | u.bytes()[i];
    return ms;
}

std::uint64_t nowMilliseconds() {
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
}
}  // namespace

TEST_CASE("A generated Uuid is version 7 with the RFC variant", "[domain][uuid]") {
    for (int i = 0; i < 100; ++i) {
        const Uuid u = Uuid::generate();
        CHECK(u.bytes()[6] >> 4 == 7);
        CHECK((u.bytes()[8] & 0xC0) == 0x80);
        const std::string s = u.str();
        CHECK(s[14] == '7');
        CHECK(std::string("89ab").find(s[19]) != std::string::npos);
        CHECK_FALSE(u.isNil());
    }
    CHECK(Uuid{}.isNil());
    CHECK(Uuid{}.str() == "00000000-0000-0000-0000-000000000000");
}

TEST_CASE("Generated Uuids differ", "[domain][uuid]") {
    CHECK(Uuid::generate() != Uuid::generate());
    std::set<std::string> seen;
    for (int i = 0; i < 10000; ++i) seen.insert(Uuid::generate().str());
    CHECK(seen.size() == 10000);
}

TEST_CASE("A generated Uuid carries the time it was made, in milliseconds", "[domain][uuid]") {
    const auto before = nowMilliseconds();
    const Uuid u = Uuid::generate();
    const auto after = nowMilliseconds();
    CHECK(embeddedMilliseconds(u) >= before);
    CHECK(embeddedMilliseconds(u) <= after);
}

TEST_CASE("Uuids generated in successive milliseconds sort in time order", "[domain][uuid]") {
    Uuid previous = Uuid::generate();
    for (int i = 0; i < 5; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        const Uuid next = Uuid::generate();
        CHECK(previous.str() < next.str());
        CHECK(previous < next);
        previous = next;
    }
}

TEST_CASE("Uuid text round trip", "[domain][uuid]") {
    const Uuid u = Uuid::generate();
    const auto back = Uuid::parse(u.str());
    REQUIRE(back);
    CHECK(*back == u);

    const auto known = Uuid::parse("0190A5B2-7C3E-7ABC-8DEF-0123456789AB");
    REQUIRE(known);
    CHECK(known->str() == "0190a5b2-7c3e-7abc-8def-0123456789ab");
    CHECK(known->bytes()[0] == 0x01);
    CHECK(known->bytes()[1] == 0x90);
    CHECK(known->bytes()[6] == 0x7a);
    CHECK(known->bytes()[15] == 0xab);
    CHECK(Uuid::parse("0190a5b2-7c3e-7abc-8def-0123456789ab") == known);
}

TEST_CASE("Uuid parse refuses anything but the canonical form", "[domain][uuid]") {
    for (const char* text : {
             "",
             "0190a5b2-7c3e-7abc-8def-0123456789a",     // 35 characters
             "0190a5b2-7c3e-7abc-8def-0123456789abc",   // 37 characters
             "0190a5b27c3e7abc8def0123456789ab",        // no hyphens
             "0190a5b-27c3e-7abc-8def-0123456789ab",    // hyphen one place early
             "0190a5b2-7c3e-7abc-8def_0123456789ab",    // wrong separator
             "0190a5b2-7c3e-7abc-8deg-0123456789ab",    // not hexadecimal
             "{0190a5b2-7c3e-7abc-8def-0123456789a}",   // braces
             " 0190a5b2-7c3e-7abc-8def-0123456789a",    // leading space
             "0190a5b2-7c3e-7abc-8def-+123456789ab",    // sign
         }) {
        INFO("input: \"" << text << "\"");
        CHECK_FALSE(Uuid::parse(text));
    }
}

TEST_CASE("Uuid hash follows equality", "[domain][uuid]") {
    const Uuid u = Uuid::generate();
    const Uuid copy = *Uuid::parse(u.str());
    CHECK(std::hash<Uuid>{}(u) == std::hash<Uuid>{}(copy));
}
