// The store contract for the accounting: what was recorded over a period, and the journal
// entries of each month frozen once — on SQLite and on PostgreSQL, and the databases themselves
// refusing to edit or delete a frozen journal.
#include "data/pg_store.h"
#include "domain/errors.h"
#include "domain/journal.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <tuple>
#include <type_traits>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

bool says(const std::string& error, const std::string& expected) {
    INFO(error);
    return error.find(expected) != std::string::npos;
}

LocalDate day(int y, unsigned m, unsigned d) { return LocalDate{date::year{y}, date::month{m}, date::day{d}}; }

JournalLine line(const char* account, const char* accountLabel, std::int64_t debit, std::int64_t credit,
                 const char* label) {
    return {account, accountLabel, Money::cents(debit), Money::cents(credit), label};
}

JournalEntry entry(Journal journal, std::int64_t number, LocalDate date, const std::string& piece,
                   const std::string& label, std::vector<JournalLine> lines) {
    JournalEntry e;
    e.journal = journal;
    e.number = number;
    e.date = date;
    e.pieceRef = piece;
    e.pieceDate = date;
    e.label = label;
    e.source = "receipt:" + std::to_string(number);
    e.lines = std::move(lines);
    return e;
}

// July, given out of order: the store gives them back by date, journal code, number.
std::vector<JournalEntry> july() {
    return {
        entry(Journal::Sales, 2, day(2026, 7, 14), "T000124", "Vente SN-ABCDEFGH espèces",
              {line("530", "Caisse", 2400, 0, "Vente SN-ABCDEFGH espèces"),
               line("706", "Prestations de services", 0, 2182, "Vente SN-ABCDEFGH — balade"),
               line("44571", "TVA collectée 10 %", 0, 218, "TVA 10 % « balade »")}),
        entry(Journal::Sales, 1, day(2026, 7, 1), "T000123", "Vente SN-AAAAAAAA carte",
              {line("511", "Chèques/cartes à encaisser", 1201, 0, "Vente carte"),
               line("706", "Prestations de services", 0, 1092, "Vente"),
               line("44571", "TVA collectée", 0, 109, "TVA")}),
        entry(Journal::Cash, 1, day(2026, 7, 14), "DEP-1", "Remise en banque",
              {line("58", "Virements internes", 50000, 0, "Dépôt"), line("530", "Caisse", 0, 50000, "Dépôt")}),
        entry(Journal::Bank, 1, day(2026, 7, 14), "DEP-1", "Remise en banque",
              {line("512", "Banque", 50000, 0, "Dépôt"), line("58", "Virements internes", 0, 50000, "Dépôt")}),
        entry(Journal::Misc, 7, day(2026, 7, 31), "OD-7", "Écart de caisse — œuvre d'Noël\tà classer",
              {line("471", "Compte d'attente", 1, 0, "Écart\\1 centime"), line("530", "Caisse", 0, 1, "Écart")}),
        entry(Journal::Sales, 3, day(2026, 7, 31), "T000125", "Bon cadeau SN-GIFT",
              {line("530", "Caisse", 3100, 0, "Bon"), line("4191", "Avances clients", 0, 3100, "Bon")}),
    };
}

std::vector<JournalEntry> sorted(std::vector<JournalEntry> entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const JournalEntry& a, const JournalEntry& b) {
        return std::make_tuple(a.date, journalCode(a.journal), a.number) <
               std::make_tuple(b.date, journalCode(b.journal), b.number);
    });
    return entries;
}

// One entry per line, with that line alone, as forEachJournalLine hands them out.
std::vector<JournalEntry> flattened(const std::vector<JournalEntry>& entries) {
    std::vector<JournalEntry> out;
    for (const auto& e : entries)
        for (const auto& l : e.lines) {
            JournalEntry one = e;
            one.lines = {l};
            out.push_back(std::move(one));
        }
    return out;
}

template <typename T>
std::vector<Uuid> idsOf(const std::vector<T>& items) {
    std::vector<Uuid> out;
    for (const auto& i : items) out.push_back(i.id);
    return out;
}

}  // namespace

TEMPLATE_TEST_CASE("a frozen month's entries come back field by field, by date, journal and number", "[store][journal]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const auto entries = july();
    store->write([&](StoreWriter& tx) { tx.freezeJournal("2026-07", entries, at("2026-08-02T08:00:00Z")); });

    std::vector<JournalEntry> all, inner, june;
    std::vector<JournalEntry> streamed;
    store->read([&](StoreReader& r) {
        all = r.journalEntries(day(2026, 7, 1), day(2026, 7, 31));
        inner = r.journalEntries(day(2026, 7, 2), day(2026, 7, 30));
        june = r.journalEntries(day(2026, 6, 1), day(2026, 6, 30));
        r.forEachJournalLine(day(2026, 7, 1), day(2026, 7, 31), [&](const JournalEntry& e) {
            REQUIRE(e.lines.size() == 1);
            streamed.push_back(e);
        });
    });

    const auto expected = sorted(entries);
    REQUIRE(all.size() == expected.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        INFO("entry " << i);
        CHECK(all[i].journal == expected[i].journal);
        CHECK(all[i].number == expected[i].number);
        CHECK(all[i].date == expected[i].date);
        CHECK(all[i].pieceRef == expected[i].pieceRef);
        CHECK(all[i].pieceDate == expected[i].pieceDate);
        CHECK(all[i].label == expected[i].label);
        CHECK(all[i].source == expected[i].source);
        REQUIRE(all[i].lines.size() == expected[i].lines.size());
        for (std::size_t j = 0; j < all[i].lines.size(); ++j) {
            INFO("line " << j);
            CHECK(all[i].lines[j].account == expected[i].lines[j].account);
            CHECK(all[i].lines[j].accountLabel == expected[i].lines[j].accountLabel);
            CHECK(all[i].lines[j].debit == expected[i].lines[j].debit);
            CHECK(all[i].lines[j].credit == expected[i].lines[j].credit);
            CHECK(all[i].lines[j].label == expected[i].lines[j].label);
        }
        CHECK(all[i].balanced());
    }
    CHECK(all == expected);
    // Same date: the journals by code (BQ, CA, VT).
    CHECK(journalCode(all[1].journal) == "BQ");
    CHECK(journalCode(all[2].journal) == "CA");
    CHECK(journalCode(all[3].journal) == "VT");

    // The bounds are dates, both included.
    CHECK(inner.size() == 3);
    CHECK(std::none_of(inner.begin(), inner.end(),
                       [](const JournalEntry& e) { return e.date == day(2026, 7, 1) || e.date == day(2026, 7, 31); }));
    CHECK(june.empty());

    CHECK(streamed == flattened(expected));
}

TEMPLATE_TEST_CASE("the last numbers per journal, the frozen months, and a month frozen once only", "[store][journal]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const std::vector<JournalEntry> august{
        entry(Journal::Sales, 4, day(2026, 8, 1), "T000126", "Vente",
              {line("530", "Caisse", 100, 0, "Vente"), line("706", "Prestations", 0, 100, "Vente")}),
        entry(Journal::Sales, 5, day(2026, 8, 3), "T000127", "Vente",
              {line("530", "Caisse", 100, 0, "Vente"), line("706", "Prestations", 0, 100, "Vente")}),
    };
    store->write([&](StoreWriter& tx) { tx.freezeJournal("2026-08", august, at("2026-09-01T08:00:00Z")); });
    store->write([&](StoreWriter& tx) { tx.freezeJournal("2026-07", july(), at("2026-08-02T08:00:00Z")); });
    store->write([&](StoreWriter& tx) { tx.freezeJournal("2026-09", {}, at("2026-10-01T08:00:00Z")); });

    try {
        store->write([&](StoreWriter& tx) { tx.freezeJournal("2026-07", august, at("2026-08-03T08:00:00Z")); });
        FAIL("frozen twice");
    } catch (const ConflictError& e) {
        CHECK(std::string(e.what()) == "the journal of 2026-07 is frozen already");
    }

    std::map<Journal, std::int64_t> year, julyOnly, none;
    std::vector<std::string> periods;
    std::size_t julyEntries = 0;
    store->read([&](StoreReader& r) {
        year = r.lastJournalNumbers(day(2026, 1, 1), day(2026, 12, 31));
        julyOnly = r.lastJournalNumbers(day(2026, 7, 1), day(2026, 7, 30));
        none = r.lastJournalNumbers(day(2025, 1, 1), day(2025, 12, 31));
        periods = r.frozenPeriods();
        julyEntries = r.journalEntries(day(2026, 7, 1), day(2026, 7, 31)).size();
    });
    CHECK(year == std::map<Journal, std::int64_t>{
                      {Journal::Sales, 5}, {Journal::Cash, 1}, {Journal::Bank, 1}, {Journal::Misc, 7}});
    CHECK(julyOnly == std::map<Journal, std::int64_t>{{Journal::Sales, 2}, {Journal::Cash, 1}, {Journal::Bank, 1}});
    CHECK(none.empty());
    CHECK(periods == std::vector<std::string>{"2026-07", "2026-08", "2026-09"});
    CHECK(julyEntries == july().size());   // the refused freeze added nothing
}

TEMPLATE_TEST_CASE("the database itself refuses to edit or delete a frozen journal", "[store][journal]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    {
        auto store = engine.open();
        store->write([&](StoreWriter& tx) { tx.freezeJournal("2026-07", july(), at("2026-08-02T08:00:00Z")); });
    }
    CHECK(says(engine.rawError("UPDATE journal_periods SET period = '2026-06'"), "frozen journal periods are never edited"));
    CHECK(says(engine.rawError("DELETE FROM journal_periods"), "frozen journal periods are never deleted"));
    CHECK(says(engine.rawError("UPDATE journal_entries SET label = 'x'"), "journal entries are never edited"));
    CHECK(says(engine.rawError("DELETE FROM journal_entries"), "journal entries are never deleted"));
    CHECK(says(engine.rawError("UPDATE journal_lines SET debit_cents = debit_cents + 1"),
               "journal lines are never edited"));
    CHECK(says(engine.rawError("DELETE FROM journal_lines"), "journal lines are never deleted"));
    if constexpr (std::is_same_v<TestType, PgEngine>) {
        CHECK(says(engine.rawError("TRUNCATE journal_lines"), "journal lines are never deleted"));
        CHECK(says(engine.rawError("TRUNCATE journal_entries CASCADE"), "never deleted"));
    }
    auto store = engine.open();
    std::size_t count = 0;
    store->read([&](StoreReader& r) { count = r.journalEntries(day(2026, 7, 1), day(2026, 7, 31)).size(); });
    CHECK(count == july().size());
    CHECK(store->check().empty());
}

TEMPLATE_TEST_CASE("payments, refunds, cash and voucher movements recorded in [from, to), by creation",
                   "[store][journal]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    Booking b;
    b.id = Uuid::generate();
    b.ref = PublicRef::fromNumber(1);
    b.boatId = w.ill.id;
    b.departureStart = at("2026-07-14T08:00:00Z");
    b.departureEnd = b.departureStart + std::chrono::minutes{45};
    b.party = {2, 0, 0};
    b.language = "fr";
    b.channel = Channel::Desk;
    b.state = BookingState::Confirmed;
    b.total = Money::cents(2400);
    b.createdAt = at("2026-06-01T09:00:00Z");

    const auto payment = [&](const char* when, std::int64_t cents) {
        return Payment{Uuid::generate(), b.id, PaymentMethod::Stripe, Money::cents(cents), PaymentStatus::Succeeded,
                       "pi_" + std::to_string(cents), at(when)};
    };
    // Before, at the start (twice: by id then), inside, at the end (excluded).
    const std::vector<Payment> payments{payment("2026-07-15T10:00:00Z", 3), payment("2026-06-30T21:59:59Z", 1),
                                        payment("2026-06-30T22:00:00Z", 2), payment("2026-06-30T22:00:00Z", 4),
                                        payment("2026-07-31T22:00:00Z", 5)};
    const auto refund = [&](const char* when, std::int64_t cents) {
        return Refund{Uuid::generate(), payments[0].id, b.id, Money::cents(cents), RefundStatus::Done, "Orage",
                      at(when), PaymentMethod::Stripe, std::nullopt};
    };
    const std::vector<Refund> refunds{refund("2026-07-20T10:00:00Z", 3), refund("2026-06-30T22:00:00Z", 1),
                                      refund("2026-06-30T22:00:00Z", 2), refund("2026-07-31T22:00:00Z", 4),
                                      refund("2026-06-30T21:59:59Z", 5)};
    const CashSession session{Uuid::generate(), "DESK-1", at("2026-06-30T06:30:00Z"), std::nullopt, Money::cents(100),
                              {}, std::nullopt, std::nullopt};
    const auto cash = [&](const char* when, std::int64_t cents) {
        return CashMovement{Uuid::generate(), session.id, at(when), Money::cents(cents), "Dépôt n°" + std::to_string(cents),
                            cents < 0, std::nullopt};
    };
    // Ties in the order written.
    const std::vector<CashMovement> movements{cash("2026-07-14T09:00:00Z", -500), cash("2026-07-14T09:00:00Z", 200),
                                              cash("2026-06-30T21:00:00Z", 300), cash("2026-07-01T00:00:00Z", 400),
                                              cash("2026-07-31T22:00:00Z", 600)};
    Voucher v;
    v.id = Uuid::generate();
    v.code = GiftCode::fromNumber(1);
    v.kind = VoucherKind::Amount;
    v.value = Money::cents(5000);
    v.expiresOn = day(2027, 7, 14);
    v.soldAt = at("2026-06-01T10:00:00Z");
    v.paidWith = PaymentMethod::Card;
    v.vat = VoucherVat::SinglePurpose;
    v.vatRateBasisPoints = 1000;
    const auto use = [&](const char* when, VoucherMovementKind kind, std::int64_t cents) {
        VoucherMovement m{Uuid::generate(), v.id, at(when), kind, Money::cents(cents), std::nullopt, std::nullopt,
                          std::nullopt, "note é"};
        if (kind == VoucherMovementKind::Extend) m.newExpiry = day(2028, 1, 31);
        else m.bookingId = b.id;
        return m;
    };
    const std::vector<VoucherMovement> uses{use("2026-07-10T10:00:00Z", VoucherMovementKind::Redeem, 1000),
                                            use("2026-06-30T22:00:00Z", VoucherMovementKind::Extend, 0),
                                            use("2026-07-10T10:00:00Z", VoucherMovementKind::Credit, 200),
                                            use("2026-07-31T22:00:00Z", VoucherMovementKind::Redeem, 300)};
    store->write([&](StoreWriter& tx) {
        tx.insertBooking(b);
        for (const auto& p : payments) tx.insertPayment(p);
        for (const auto& r : refunds) tx.insertRefund(r);
        tx.saveCashSession(session);
        for (const auto& m : movements) tx.insertCashMovement(m);
        tx.insertVoucher(v);
        for (const auto& m : uses) tx.insertVoucherMovement(m);
    });

    // July in Paris: [2026-06-30T22:00Z, 2026-07-31T22:00Z).
    const Instant from = at("2026-06-30T22:00:00Z"), to = at("2026-07-31T22:00:00Z");
    std::vector<Payment> ps;
    std::vector<Refund> rs;
    std::vector<CashMovement> cs;
    std::vector<VoucherMovement> vs;
    store->read([&](StoreReader& r) {
        ps = r.paymentsBetween(from, to);
        rs = r.refundsBetween(from, to);
        cs = r.cashMovementsBetween(from, to);
        vs = r.voucherMovementsBetween(from, to);
    });

    const auto byId = [](const Uuid& a, const Uuid& b) { return std::min(a, b); };
    REQUIRE(ps.size() == 3);
    CHECK(ps[0].id == byId(payments[2].id, payments[3].id));
    CHECK(ps[1].id == std::max(payments[2].id, payments[3].id));
    CHECK(ps[2].id == payments[0].id);
    CHECK(ps[2].bookingId == b.id);
    CHECK(ps[2].method == PaymentMethod::Stripe);
    CHECK(ps[2].amount == Money::cents(3));
    CHECK(ps[2].status == PaymentStatus::Succeeded);
    CHECK(ps[2].providerRef == "pi_3");
    CHECK(ps[2].createdAt == at("2026-07-15T10:00:00Z"));

    REQUIRE(rs.size() == 3);
    CHECK(rs[0].id == byId(refunds[1].id, refunds[2].id));
    CHECK(rs[1].id == std::max(refunds[1].id, refunds[2].id));
    CHECK(rs[2].id == refunds[0].id);
    CHECK(rs[2].amount == Money::cents(3));
    CHECK(rs[2].method == PaymentMethod::Stripe);
    CHECK(rs[2].createdAt == at("2026-07-20T10:00:00Z"));

    CHECK(idsOf(cs) == std::vector<Uuid>{movements[3].id, movements[0].id, movements[1].id});
    REQUIRE(cs.size() == 3);
    CHECK(cs[1].sessionId == session.id);
    CHECK(cs[1].amount == Money::cents(-500));
    CHECK(cs[1].reason == "Dépôt n°-500");
    CHECK(cs[1].bankDeposit);
    CHECK_FALSE(cs[2].bankDeposit);

    CHECK(idsOf(vs) == std::vector<Uuid>{uses[1].id, uses[0].id, uses[2].id});
    REQUIRE(vs.size() == 3);
    CHECK(vs[0].kind == VoucherMovementKind::Extend);
    CHECK(vs[0].newExpiry == day(2028, 1, 31));
    CHECK(vs[1].bookingId == b.id);
    CHECK(vs[1].amount == Money::cents(1000));
    CHECK(vs[2].note == "note é");
}

// Not asserted: prints how long freezing and streaming 200,000 lines take (run with [timing]).
TEMPLATE_TEST_CASE("timing: freezing and streaming 200,000 journal lines", "[.][timing]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    std::vector<JournalEntry> entries;
    entries.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        entries.push_back(entry(Journal::Sales, i + 1, day(2026, 7, 1 + static_cast<unsigned>(i % 31)),
                                "T" + std::to_string(100000 + i), "Vente SN-ABCDEFGH espèces",
                                {line("530", "Caisse", 2400 + i, 0, "Vente espèces"),
                                 line("706", "Prestations de services", 0, 2400 + i, "Vente — balade")}));
    using Clock = std::chrono::steady_clock;
    const auto ms = [](Clock::duration d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };

    const auto t0 = Clock::now();
    store->write([&](StoreWriter& tx) { tx.freezeJournal("2026-07", entries, at("2026-08-02T08:00:00Z")); });
    const auto t1 = Clock::now();
    std::size_t lines = 0;
    std::int64_t debit = 0;
    store->read([&](StoreReader& r) {
        r.forEachJournalLine(day(2026, 7, 1), day(2026, 7, 31), [&](const JournalEntry& e) {
            ++lines;
            debit += e.lines[0].debit.cents();
        });
    });
    const auto t2 = Clock::now();
    std::size_t loaded = 0;
    store->read([&](StoreReader& r) { loaded = r.journalEntries(day(2026, 7, 1), day(2026, 7, 31)).size(); });
    const auto t3 = Clock::now();
    WARN(TestType::name << ": freeze 200,000 lines " << ms(t1 - t0) << " ms, stream them " << ms(t2 - t1)
                        << " ms, load them " << ms(t3 - t2) << " ms");
    CHECK(lines == 200000);
    CHECK(loaded == 100000);
}
