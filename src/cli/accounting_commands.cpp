// journal and accounts: the journal of a period as a table with its balance check, and the chart of
// accounts the journal is written with (listed, checked, changed) — the Accounting view's figures
// for scripts and for checking an export by eye.
#include "app/accounting.h"
#include "cli/desk_arguments.h"
#include "domain/errors.h"
#include "domain/journal.h"

#include <charconv>
#include <iostream>
#include <set>

namespace narcisse::cli {

namespace {

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// ---- journal

struct JournalArguments {
    DateRangeArguments range;
    std::string journal;
    std::string account;
    std::string method;
};

std::string amountOrBlank(domain::Money m) { return m.cents() == 0 ? "" : m.plain(); }

int showJournal(domain::Store& store, const JournalArguments& a) {
    const auto range = readDateRange(a.range);
    app::JournalFilter filter;
    if (!a.journal.empty()) filter.journal = domain::parseJournalCode(upper(a.journal));
    filter.account = a.account;
    if (!a.method.empty()) filter.method = domain::parsePaymentMethod(upper(a.method));

    const auto view = app::loadJournal(store, range.from, range.to);
    const auto chart = app::chartOfAccounts(store);
    const auto rows = app::filterJournal(view, chart, filter);
    if (rows.empty()) {
        std::cout << "No journal line from " << a.range.from << " to " << a.range.to << " matches.\n";
        return kExitOk;
    }

    TextTable table({"journal", "no", "date", "piece", "account", "debit", "credit", "label"},
                    {false, true, false, false, false, true, true, false});
    domain::Money debit, credit;
    std::set<std::size_t> entries;
    for (const auto& row : rows) {
        const auto& e = view.entries[row.entry];
        const auto& l = e.lines[row.line];
        table.add({std::string(domain::journalCode(e.journal)), std::to_string(e.number), domain::isoDate(e.date),
                   e.pieceRef, l.account, amountOrBlank(l.debit), amountOrBlank(l.credit), l.label});
        debit = debit + l.debit;
        credit = credit + l.credit;
        entries.insert(row.entry);
    }
    std::cout << table.str();

    // Every entry shown must balance on its own, whatever the filter kept of its lines.
    std::vector<std::string> unbalanced;
    for (const std::size_t i : entries) {
        const auto& e = view.entries[i];
        if (!e.balanced())
            unbalanced.push_back(std::string(domain::journalCode(e.journal)) + " " + std::to_string(e.number) +
                                 " of " + domain::isoDate(e.date) + ": debit " + e.debit().plain() + ", credit " +
                                 e.credit().plain());
    }
    std::cout << rows.size() << (rows.size() == 1 ? " line" : " lines") << " of " << entries.size()
              << (entries.size() == 1 ? " entry" : " entries") << "; debit " << debit.plain() << ", credit "
              << credit.plain() << "; "
              << (unbalanced.empty() ? "every entry balanced"
                                     : std::to_string(unbalanced.size()) + " UNBALANCED")
              << "\n";
    for (const auto& u : unbalanced) std::cout << "  unbalanced: " << u << "\n";
    if (!view.frozenMonths.empty()) {
        std::cout << "frozen:";
        for (const auto& m : view.frozenMonths) std::cout << " " << m;
        std::cout << "\n";
    }
    return unbalanced.empty() ? kExitOk : kExitProblems;
}

void addJournalCommand(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<JournalArguments>();
    auto* cmd = app.add_subcommand("journal", "The journal of a period, line by line, with its balance check");
    cmd->footer("\nClosed months as frozen, open months as generated from what was recorded. The last line\n"
                "totals the lines shown and checks that each entry balances (exit code 1 when one does not).");
    addDateRangeOptions(cmd, a->range);
    cmd->add_option("--journal", a->journal, "Only this journal: sales, cash, bank, miscellaneous")
        ->check(CLI::IsMember({"VT", "CA", "BQ", "OD"}, CLI::ignore_case))
        ->option_text("VT|CA|BQ|OD");
    cmd->add_option("--account", a->account, "Only the lines of accounts starting so (\"706\", \"445\")")
        ->option_text("PREFIX");
    cmd->add_option("--method", a->method, "Only the entries where that payment method's account moves")
        ->check(CLI::IsMember({"cash", "card", "voucher", "stripe", "paypal"}, CLI::ignore_case))
        ->option_text("cash|card|voucher|stripe|paypal");
    cmd->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            return showJournal(*store, *a);
        };
    });
}

// ---- accounts

// One --set: "sales=706|Prestations de services", "vat.550=445711|TVA 5,5 %"; the label may be left
// out to keep the current one.
struct AccountChange {
    std::optional<domain::AccountRole> role;
    int vatRate = 0;
    std::string number;
    std::optional<std::string> label;
};

std::string rolesList() {
    std::string out;
    for (const auto role : domain::allAccountRoles()) out += std::string(domain::toString(role)) + ", ";
    return out + "vat.<basis points>";
}

AccountChange parseChange(const std::string& text) {
    const auto equals = text.find('=');
    if (equals == std::string::npos)
        throw domain::ValidationError("--set", "\"" + text + "\" is not ROLE=NUMBER|LABEL");
    const std::string role = text.substr(0, equals);
    const std::string rest = text.substr(equals + 1);
    AccountChange c;
    if (role.rfind("vat.", 0) == 0) {
        const char* begin = role.data() + 4;
        const char* end = role.data() + role.size();
        const auto [ptr, ec] = std::from_chars(begin, end, c.vatRate);
        if (ec != std::errc{} || ptr != end || begin == end || c.vatRate < 0 || c.vatRate > 10000)
            throw domain::ValidationError("--set", "\"" + role + "\": a VAT rate is in basis points, vat.1000 for 10 %");
    } else {
        c.role = domain::parseAccountRole(role);
        if (!c.role) throw domain::ValidationError("--set", "\"" + role + "\" is not an account role (" + rolesList() + ")");
    }
    const auto bar = rest.find('|');
    c.number = rest.substr(0, bar);
    if (bar != std::string::npos) c.label = rest.substr(bar + 1);
    if (c.number.empty()) throw domain::ValidationError("--set", "\"" + text + "\" has no account number");
    return c;
}

struct AccountsArguments {
    std::vector<std::string> changes;
    std::string as;
};

int showAccounts(domain::Store& store, const AccountsArguments& a) {
    auto chart = app::chartOfAccounts(store);
    if (!a.changes.empty()) {
        for (const auto& text : a.changes) {
            const auto c = parseChange(text);
            if (c.role) {
                chart.set(*c.role, {c.number, c.label.value_or(chart.of(*c.role).label)});
            } else {
                const auto own = chart.vatAccounts().find(c.vatRate);
                const std::string label = c.label ? *c.label
                                          : own != chart.vatAccounts().end() ? own->second.label
                                                                             : chart.of(domain::AccountRole::VatCollected).label;
                chart.setVat(c.vatRate, {c.number, label});
            }
        }
        app::saveChartOfAccounts(store, domain::SystemClock(), chart, resolveOperator(store, a.as));
        std::cout << "Saved " << a.changes.size() << (a.changes.size() == 1 ? " account" : " accounts") << ".\n";
        chart = app::chartOfAccounts(store);
    }

    TextTable table({"role", "account", "label"});
    for (const auto role : domain::allAccountRoles()) {
        const auto& account = chart.of(role);
        table.add({std::string(domain::toString(role)), account.number, account.label});
    }
    for (const auto& [rate, account] : chart.vatAccounts())
        table.add({"vat." + std::to_string(rate) + " (" + vatRate(rate) + ")", account.number, account.label});
    std::cout << table.str();
    const auto problems = chart.problems();
    for (const auto& p : problems) std::cout << "problem: " << p << "\n";
    return problems.empty() ? kExitOk : kExitProblems;
}

void addAccountsCommand(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<AccountsArguments>();
    auto* cmd = app.add_subcommand("accounts", "The chart of accounts the journal uses: list, check, change");
    cmd->footer("\nEach role (what the account is used for) with its number and label; a VAT rate may have an\n"
                "account of its own (vat.1000 for 10 %), else it uses vat_collected. Lines \"problem: …\" name\n"
                "what an export would refuse (exit code 1).\n\n"
                "Example:\n  narcisse-cli accounts --set \"vat.1000=445712|TVA collectée 10 %\" --set sales=7061");
    cmd->add_option("--set", a->changes,
                    "Change a role's account (repeat for several); without |LABEL the label stays.\n"
                    "Roles: " + rolesList())
        ->allow_extra_args(false)
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                try {
                    parseChange(text);
                    return {};
                } catch (const domain::ValidationError& e) {
                    return e.message();
                }
            },
            "ROLE=NUMBER|LABEL"))
        ->option_text("ROLE=NUMBER|LABEL");
    addOperatorOption(cmd, a->as);
    cmd->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            return showAccounts(*store, *a);
        };
    });
}

}  // namespace

static const CommandRegistration kJournal{addJournalCommand};
static const CommandRegistration kAccounts{addAccountsCommand};

}  // namespace narcisse::cli
