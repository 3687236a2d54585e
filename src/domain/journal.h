// Double-entry bookkeeping of the money the business records: the chart of accounts the settings
// map each kind of event to, and the journal entries generated from the events — deterministically,
// so regenerating a period gives the same entries (reference/ACCOUNTING-FR.md).
#pragma once

#include "domain/cash.h"
#include "domain/fiscal.h"
#include "domain/money.h"
#include "domain/payment.h"
#include "domain/public_ref.h"
#include "domain/time.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narcisse::domain {

// The four journals and their FEC codes: VT sales (desk receipts), CA cash (paid in/out, deposits),
// BQ bank (online payments and refunds, the bank side of a deposit), OD miscellaneous (corrections).
enum class Journal { Sales, Cash, Bank, Misc };
std::string_view journalCode(Journal j);                  // VT, CA, BQ, OD
std::string_view journalLabel(Journal j);                 // Ventes, Caisse, Banque, Opérations diverses
std::optional<Journal> parseJournalCode(std::string_view code);
const std::vector<Journal>& allJournals();

// What each account is used for; the number and label of each come from the settings.
enum class AccountRole {
    Sales,            // 706   ride sales (services)
    VatCollected,     // 44571 VAT collected (any rate without an account of its own)
    Cash,             // 530   cash drawer
    Bank,             // 512   bank
    CardClearing,     // 511   card receipts awaiting settlement (terminal)
    Providers,        // 517   Stripe / PayPal balances
    Transfers,        // 58    internal transfers (cash deposit to the bank, change brought in)
    ProviderFees,     // 6278  provider fees
    VoucherAdvances,  // 4191  customer advances: gift vouchers sold, not yet redeemed
    CashSuspense,     // 471   cash paid out for something else (to be classified by the accountant)
};
std::string_view toString(AccountRole r);                 // sales, vat_collected, cash, … (settings keys)
std::optional<AccountRole> parseAccountRole(std::string_view s);
const std::vector<AccountRole>& allAccountRoles();

struct Account {
    std::string number;               // "706", "44571"
    std::string label;                // "Prestations de services"
    bool operator==(const Account&) const = default;
};

class ChartOfAccounts {
public:
    // The French chart of accounts' defaults (reference/ACCOUNTING-FR.md).
    static ChartOfAccounts defaults();

    const Account& of(AccountRole role) const;
    // The VAT account of a rate: its own when set, else VatCollected.
    const Account& vat(int rateBasisPoints) const;
    // Where money taken by a method lands: CASH 530, CARD 511, VOUCHER 4191, STRIPE/PAYPAL 517.
    const Account& forMethod(PaymentMethod method) const;

    void set(AccountRole role, Account account);
    void setVat(int rateBasisPoints, Account account);
    const std::map<int, Account>& vatAccounts() const { return m_vat; }

    // Every rule an account breaks, naming the role: empty number, a number whose first three
    // characters are not digits (FEC), an empty label. Empty when every event kind has an account.
    std::vector<std::string> problems() const;

private:
    std::map<AccountRole, Account> m_accounts;
    std::map<int, Account> m_vat;
};

struct JournalLine {
    std::string account;
    std::string accountLabel;
    Money debit;                      // one of debit and credit is zero; both non-negative
    Money credit;
    std::string label;                // the line's wording ("Vente SN-… espèces")
    bool operator==(const JournalLine&) const = default;
};

struct JournalEntry {
    Journal journal = Journal::Sales;
    std::int64_t number = 0;          // per journal, continuous over the fiscal year
    LocalDate date;                   // the local date of the event (EcritureDate)
    std::string pieceRef;             // receipt number "T000123", booking reference, provider id
    LocalDate pieceDate;
    std::string label;                // "Vente SN-ABCDEFGH"
    std::string source;               // what it was generated from: "receipt:12", "payment:<id>", …
    std::vector<JournalLine> lines;

    Money debit() const;
    Money credit() const;
    bool balanced() const { return debit() == credit(); }
    bool operator==(const JournalEntry&) const = default;
};

// An online payment (the website's Stripe or PayPal) or an online refund, with what VAT it bears.
struct OnlineMovement {
    Uuid id;                          // the payment's or refund's id
    PaymentMethod method = PaymentMethod::Stripe;
    Money amount;                     // positive; a refund is booked the other way round
    bool refund = false;
    Instant at;
    std::string bookingRef;           // the piece reference
    std::string providerRef;
    int vatRateBasisPoints = 1000;    // of the booking's price list
};

// Everything financial of a period, as recorded.
struct AccountingEvents {
    std::vector<Receipt> receipts;             // desk: sales, cancellations, refunds, vouchers sold
    std::vector<OnlineMovement> online;        // website payments and their refunds
    std::vector<CashMovement> cashMovements;   // paid in, paid out, bank deposits
};

// One balanced entry per event (a bank deposit gives two: CA 530 → 58, then BQ 58 → 512), dated on
// the business's local date, in chronological order (time, then source), numbered per journal from
// `nextNumbers` (a journal missing from it starts at 1). Negative amounts go to the other side, so
// every line's debit and credit are non-negative. Amounts are split per VAT rate as the receipt's
// VAT says; what a single-purpose voucher paid is credited to sales without VAT (4191 → 706).
std::vector<JournalEntry> journalEntries(const AccountingEvents& events, const ChartOfAccounts& accounts,
                                         const BusinessZone& zone, std::map<Journal, std::int64_t> nextNumbers);

// The VAT a single-purpose voucher's payment on `receipt` carries: collected when the voucher was
// sold, at the rate of the rides (the receipt's first taxed line). Its redemption moves only the rest
// from 4191 to sales, so 4191 clears to zero and sales are booked without VAT.
Money voucherVatCollectedAtSale(const Receipt& receipt, const Money& amount);

// Balances per account over `entries`: debit, credit and balance (debit − credit), by account number.
struct AccountBalance {
    std::string account;
    std::string label;
    Money debit;
    Money credit;
    Money balance() const { return debit - credit; }
};
std::vector<AccountBalance> accountBalances(const std::vector<JournalEntry>& entries);

}  // namespace narcisse::domain
