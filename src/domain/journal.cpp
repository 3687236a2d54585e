// Journal entries from the recorded events: each event is first written as signed amounts per
// account (debits and credits kept apart), then turned into lines where a negative amount changes
// side, so a cancellation is its sale mirrored and every line is non-negative.
#include "domain/journal.h"

#include "domain/errors.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <tuple>

namespace narcisse::domain {

// ---- Journals

std::string_view journalCode(Journal j) {
    switch (j) {
        case Journal::Sales: return "VT";
        case Journal::Cash: return "CA";
        case Journal::Bank: return "BQ";
        case Journal::Misc: return "OD";
    }
    return "OD";
}

std::string_view journalLabel(Journal j) {
    switch (j) {
        case Journal::Sales: return "Ventes";
        case Journal::Cash: return "Caisse";
        case Journal::Bank: return "Banque";
        case Journal::Misc: return "Opérations diverses";
    }
    return "Opérations diverses";
}

const std::vector<Journal>& allJournals() {
    static const std::vector<Journal> all{Journal::Sales, Journal::Cash, Journal::Bank, Journal::Misc};
    return all;
}

std::optional<Journal> parseJournalCode(std::string_view code) {
    for (Journal j : allJournals())
        if (journalCode(j) == code) return j;
    return std::nullopt;
}

// ---- Account roles

std::string_view toString(AccountRole r) {
    switch (r) {
        case AccountRole::Sales: return "sales";
        case AccountRole::VatCollected: return "vat_collected";
        case AccountRole::Cash: return "cash";
        case AccountRole::Bank: return "bank";
        case AccountRole::CardClearing: return "card_clearing";
        case AccountRole::Providers: return "providers";
        case AccountRole::Transfers: return "transfers";
        case AccountRole::ProviderFees: return "provider_fees";
        case AccountRole::VoucherAdvances: return "voucher_advances";
        case AccountRole::CashSuspense: return "cash_suspense";
    }
    return "sales";
}

const std::vector<AccountRole>& allAccountRoles() {
    static const std::vector<AccountRole> all{
        AccountRole::Sales,        AccountRole::VatCollected, AccountRole::Cash,         AccountRole::Bank,
        AccountRole::CardClearing, AccountRole::Providers,    AccountRole::Transfers,    AccountRole::ProviderFees,
        AccountRole::VoucherAdvances, AccountRole::CashSuspense,
    };
    return all;
}

std::optional<AccountRole> parseAccountRole(std::string_view s) {
    for (AccountRole r : allAccountRoles())
        if (toString(r) == s) return r;
    return std::nullopt;
}

// ---- Chart of accounts

ChartOfAccounts ChartOfAccounts::defaults() {
    ChartOfAccounts c;
    c.set(AccountRole::Sales, {"706", "Prestations de services"});
    c.set(AccountRole::VatCollected, {"44571", "TVA collectée"});
    c.set(AccountRole::Cash, {"530", "Caisse"});
    c.set(AccountRole::Bank, {"512", "Banque"});
    c.set(AccountRole::CardClearing, {"511", "Valeurs à l'encaissement (cartes)"});
    c.set(AccountRole::Providers, {"517", "Autres organismes financiers (Stripe, PayPal)"});
    // The FEC wants the first three characters of an account number to be digits: class 58 is
    // written 580.
    c.set(AccountRole::Transfers, {"580", "Virements internes"});
    c.set(AccountRole::ProviderFees, {"6278", "Frais sur paiements"});
    c.set(AccountRole::VoucherAdvances, {"4191", "Avances reçues (bons cadeaux)"});
    c.set(AccountRole::CashSuspense, {"471", "Compte d'attente"});
    return c;
}

const Account& ChartOfAccounts::of(AccountRole role) const {
    const auto it = m_accounts.find(role);
    if (it == m_accounts.end()) throw ValidationError(std::string(toString(role)), "no account is set");
    return it->second;
}

const Account& ChartOfAccounts::vat(int rateBasisPoints) const {
    const auto it = m_vat.find(rateBasisPoints);
    return it != m_vat.end() ? it->second : of(AccountRole::VatCollected);
}

const Account& ChartOfAccounts::forMethod(PaymentMethod method) const {
    switch (method) {
        case PaymentMethod::Cash: return of(AccountRole::Cash);
        case PaymentMethod::Card: return of(AccountRole::CardClearing);
        case PaymentMethod::Voucher: return of(AccountRole::VoucherAdvances);
        case PaymentMethod::Stripe:
        case PaymentMethod::PayPal: return of(AccountRole::Providers);
    }
    return of(AccountRole::CashSuspense);
}

void ChartOfAccounts::set(AccountRole role, Account account) { m_accounts[role] = std::move(account); }

void ChartOfAccounts::setVat(int rateBasisPoints, Account account) { m_vat[rateBasisPoints] = std::move(account); }

namespace {

// "10 %", "5.5 %", "2.1 %"
std::string ratePercent(int basisPoints) {
    std::string s = std::to_string(basisPoints / 100);
    int fraction = basisPoints % 100;
    if (fraction != 0) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02d", fraction);
        std::string f(buf);
        if (f.back() == '0') f.pop_back();
        s += "." + f;
    }
    return s + " %";
}

void accountProblems(const std::string& name, const Account& a, std::vector<std::string>& out) {
    if (a.number.empty()) {
        out.push_back(name + ": the account number is empty");
    } else {
        const bool threeDigits = a.number.size() >= 3 &&
                                 std::all_of(a.number.begin(), a.number.begin() + 3,
                                             [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        if (!threeDigits) out.push_back(name + ": \"" + a.number + "\" must start with three digits (FEC)");
    }
    if (a.label.empty()) out.push_back(name + ": the label is empty");
}

}  // namespace

std::vector<std::string> ChartOfAccounts::problems() const {
    std::vector<std::string> out;
    for (AccountRole role : allAccountRoles()) {
        const std::string name(toString(role));
        const auto it = m_accounts.find(role);
        if (it == m_accounts.end())
            out.push_back(name + ": no account is set");
        else
            accountProblems(name, it->second, out);
    }
    for (const auto& [rate, account] : m_vat) accountProblems("vat " + ratePercent(rate), account, out);
    return out;
}

// ---- Entries

Money JournalEntry::debit() const {
    Money sum;
    for (const auto& l : lines) sum += l.debit;
    return sum;
}

Money JournalEntry::credit() const {
    Money sum;
    for (const auto& l : lines) sum += l.credit;
    return sum;
}

namespace {

std::string_view methodWording(PaymentMethod m) {
    switch (m) {
        case PaymentMethod::Cash: return "espèces";
        case PaymentMethod::Card: return "carte";
        case PaymentMethod::Voucher: return "bon cadeau";
        case PaymentMethod::Stripe: return "Stripe";
        case PaymentMethod::PayPal: return "PayPal";
    }
    return "";
}

// Signed amounts per account, debits and credits apart, in the order accounts first appear: one
// line per account and side. Two amounts with different wordings on one account keep the entry's.
class EntryBuilder {
public:
    explicit EntryBuilder(std::string entryLabel) : m_entryLabel(std::move(entryLabel)) {}

    void debit(const Account& a, Money amount, std::string label = {}) { add(m_debits, a, amount, std::move(label)); }
    void credit(const Account& a, Money amount, std::string label = {}) { add(m_credits, a, amount, std::move(label)); }

    std::vector<JournalLine> lines() const {
        std::vector<JournalLine> out;
        auto emit = [&](const std::vector<Part>& parts, bool debitSide) {
            for (const auto& p : parts) {
                if (p.amount.cents() == 0) continue;
                JournalLine l;
                l.account = p.account.number;
                l.accountLabel = p.account.label;
                l.label = p.label;
                const bool asDebit = debitSide == (p.amount.cents() > 0);
                const Money magnitude = p.amount.cents() < 0 ? -p.amount : p.amount;
                l.debit = asDebit ? magnitude : Money::zero(magnitude.currency());
                l.credit = asDebit ? Money::zero(magnitude.currency()) : magnitude;
                out.push_back(std::move(l));
            }
        };
        emit(m_debits, true);
        emit(m_credits, false);
        return out;
    }

private:
    struct Part {
        Account account;
        Money amount;
        std::string label;
    };

    void add(std::vector<Part>& parts, const Account& a, Money amount, std::string label) {
        if (label.empty()) label = m_entryLabel;
        for (auto& p : parts) {
            if (p.account.number != a.number) continue;
            p.amount += amount;
            if (p.label != label) p.label = m_entryLabel;
            return;
        }
        parts.push_back({a, amount, std::move(label)});
    }

    std::string m_entryLabel;
    std::vector<Part> m_debits;
    std::vector<Part> m_credits;
};

struct Draft {
    Instant at;
    JournalEntry entry;
};

JournalEntry baseEntry(Journal journal, Instant at, const BusinessZone& zone, std::string pieceRef, std::string label,
                       std::string source) {
    JournalEntry e;
    e.journal = journal;
    e.date = zone.localDate(at);
    e.pieceDate = e.date;
    e.pieceRef = std::move(pieceRef);
    e.label = std::move(label);
    e.source = std::move(source);
    return e;
}

std::string receiptWording(ReceiptKind k) {
    switch (k) {
        case ReceiptKind::Sale: return "Vente";
        case ReceiptKind::Cancellation: return "Annulation";
        case ReceiptKind::Refund: return "Remboursement";
        case ReceiptKind::VoucherSale: return "Vente bon cadeau";
    }
    return "Vente";
}

std::string pieceOfReceipt(std::int64_t number) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%06lld", static_cast<long long>(number));
    return buf;
}

// Desk receipt. The debit side is what was paid (by method); the credit side is what the receipt
// owes: per VAT rate its base and VAT, and — for a sale — what single-purpose vouchers paid (their
// VAT was due when sold) to sales; for a voucher sold, the advance net of its VAT to 4191. The
// credit side is taken from the payments so an entry balances even if a receipt's sums disagree.
JournalEntry receiptEntry(const Receipt& r, const ChartOfAccounts& chart, const BusinessZone& zone) {
    const std::string label = receiptWording(r.kind) + " " + r.reference;
    JournalEntry e = baseEntry(Journal::Sales, r.issuedAt, zone, pieceOfReceipt(r.number), label,
                               "receipt:" + std::to_string(r.number));
    const std::string currency = r.total.currency();
    const std::vector<VatTotal> vat = r.vat.empty() ? receiptVat(r.lines, r.payments) : r.vat;

    EntryBuilder b(label);
    Money paid = Money::zero(currency);
    for (const auto& p : r.payments) {
        // A single-purpose voucher's VAT was booked when it was sold: only the rest leaves 4191.
        const Money amount = p.method == PaymentMethod::Voucher && p.voucherSinglePurpose && r.kind != ReceiptKind::VoucherSale
                                 ? p.amount - voucherVatCollectedAtSale(r, p.amount)
                                 : p.amount;
        b.debit(chart.forMethod(p.method), amount, label + " " + std::string(methodWording(p.method)));
        paid += amount;
    }
    Money vatTotal = Money::zero(currency);
    Money vatAmount = Money::zero(currency);
    for (const auto& v : vat) {
        vatTotal += v.total;
        vatAmount += v.vat;
    }
    if (r.kind == ReceiptKind::VoucherSale) {
        b.credit(chart.of(AccountRole::VoucherAdvances), paid - vatAmount);
    } else {
        for (const auto& v : vat) b.credit(chart.of(AccountRole::Sales), v.base);
        b.credit(chart.of(AccountRole::Sales), paid - vatTotal);   // paid by single-purpose vouchers
    }
    for (const auto& v : vat)
        if (v.vat.cents() != 0)
            b.credit(chart.vat(v.rateBasisPoints), v.vat, label + " TVA " + ratePercent(v.rateBasisPoints));
    e.lines = b.lines();
    return e;
}

JournalEntry onlineEntry(const OnlineMovement& m, const ChartOfAccounts& chart, const BusinessZone& zone) {
    const std::string ref = m.bookingRef.empty() ? m.providerRef : m.bookingRef;
    const std::string label = std::string(m.refund ? "Remboursement en ligne " : "Paiement en ligne ") + ref + " (" +
                              std::string(methodWording(m.method)) + ")";
    JournalEntry e = baseEntry(Journal::Bank, m.at, zone, ref, label,
                               (m.refund ? "online-refund:" : "online:") + m.id.str());
    const Money amount = m.refund ? -m.amount : m.amount;
    const Money vat = amount.vatIncluded(m.vatRateBasisPoints);
    EntryBuilder b(label);
    b.debit(chart.forMethod(m.method), amount);
    b.credit(chart.of(AccountRole::Sales), amount - vat);
    b.credit(chart.vat(m.vatRateBasisPoints), vat, label + " TVA " + ratePercent(m.vatRateBasisPoints));
    e.lines = b.lines();
    return e;
}

// A cash movement has no document number of its own: its piece reference is "C" and the last 8
// characters of its id (new ids are UUID v7, whose first characters are a timestamp shared by the
// movements of the same minute; the last ones are random).
std::string pieceOfMovement(const Uuid& id) {
    const std::string s = id.str();
    return "C" + s.substr(s.size() - 8);
}

void cashEntries(const CashMovement& m, const ChartOfAccounts& chart, const BusinessZone& zone,
                 std::vector<Draft>& out) {
    const std::string piece = pieceOfMovement(m.id);
    const std::string id = m.id.str();
    if (m.amount.cents() >= 0) {
        const std::string label = "Apport en caisse : " + m.reason;
        JournalEntry e = baseEntry(Journal::Cash, m.at, zone, piece, label, "cash:" + id);
        EntryBuilder b(label);
        b.debit(chart.of(AccountRole::Cash), m.amount);
        b.credit(chart.of(AccountRole::Transfers), m.amount);
        e.lines = b.lines();
        out.push_back({m.at, std::move(e)});
        return;
    }
    const Money taken = -m.amount;
    if (!m.bankDeposit) {
        const std::string label = "Sortie de caisse : " + m.reason;
        JournalEntry e = baseEntry(Journal::Cash, m.at, zone, piece, label, "cash:" + id);
        EntryBuilder b(label);
        b.debit(chart.of(AccountRole::CashSuspense), taken);
        b.credit(chart.of(AccountRole::Cash), taken);
        e.lines = b.lines();
        out.push_back({m.at, std::move(e)});
        return;
    }
    const std::string label = "Remise d'espèces en banque";
    JournalEntry cash = baseEntry(Journal::Cash, m.at, zone, piece, label, "cash:" + id);
    EntryBuilder c(label);
    c.debit(chart.of(AccountRole::Transfers), taken);
    c.credit(chart.of(AccountRole::Cash), taken);
    cash.lines = c.lines();
    out.push_back({m.at, std::move(cash)});

    JournalEntry bank = baseEntry(Journal::Bank, m.at, zone, piece, label, "deposit:" + id);
    EntryBuilder d(label);
    d.debit(chart.of(AccountRole::Bank), taken);
    d.credit(chart.of(AccountRole::Transfers), taken);
    bank.lines = d.lines();
    out.push_back({m.at, std::move(bank)});
}

}  // namespace

Money voucherVatCollectedAtSale(const Receipt& receipt, const Money& amount) {
    for (const auto& l : receipt.lines)
        if (l.vatRateBasisPoints > 0) return amount.vatIncluded(l.vatRateBasisPoints);
    return Money::zero(amount.currency());
}

std::vector<JournalEntry> journalEntries(const AccountingEvents& events, const ChartOfAccounts& accounts,
                                         const BusinessZone& zone, std::map<Journal, std::int64_t> nextNumbers) {
    std::vector<Draft> drafts;
    drafts.reserve(events.receipts.size() + events.online.size() + events.cashMovements.size() * 2);
    for (const auto& r : events.receipts) drafts.push_back({r.issuedAt, receiptEntry(r, accounts, zone)});
    for (const auto& m : events.online) drafts.push_back({m.at, onlineEntry(m, accounts, zone)});
    for (const auto& m : events.cashMovements) cashEntries(m, accounts, zone, drafts);

    // Stable: two events with the same time and source keep the order they were given in.
    std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
        return std::tie(a.at, a.entry.source) < std::tie(b.at, b.entry.source);
    });

    std::vector<JournalEntry> out;
    out.reserve(drafts.size());
    for (auto& d : drafts) {
        auto [it, inserted] = nextNumbers.try_emplace(d.entry.journal, 1);
        d.entry.number = it->second++;
        out.push_back(std::move(d.entry));
    }
    return out;
}

std::vector<AccountBalance> accountBalances(const std::vector<JournalEntry>& entries) {
    std::map<std::string, AccountBalance> byAccount;
    for (const auto& e : entries)
        for (const auto& l : e.lines) {
            auto [it, inserted] = byAccount.try_emplace(l.account);
            if (inserted) {
                it->second.account = l.account;
                it->second.label = l.accountLabel;
                it->second.debit = Money::zero(l.debit.currency());
                it->second.credit = Money::zero(l.credit.currency());
            }
            it->second.debit += l.debit;
            it->second.credit += l.credit;
        }
    std::vector<AccountBalance> out;
    out.reserve(byAccount.size());
    for (auto& [number, balance] : byAccount) out.push_back(std::move(balance));
    return out;
}

}  // namespace narcisse::domain
