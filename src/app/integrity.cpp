#include "app/integrity.h"

#include "app/fiscal_log.h"

#include <algorithm>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// Records per read: a season's receipts fit in a few pages and memory stays flat on a large store.
constexpr int kPage = 5000;

// What the sealed row says now, for the chains that seal a separate row; "" when the row is gone,
// so the comparison reports it.
std::function<std::optional<std::string>(const ChainRecord&)> currentRow(StoreReader& r, Chain chain) {
    switch (chain) {
        case Chain::Payment:
            return [&r](const ChainRecord& record) -> std::optional<std::string> {
                const auto id = Uuid::parse(record.entityId);
                const auto row = id ? r.paymentById(*id) : std::nullopt;
                return row ? canonicalPayment(*row) : std::string();
            };
        case Chain::Refund:
            return [&r](const ChainRecord& record) -> std::optional<std::string> {
                const auto id = Uuid::parse(record.entityId);
                const auto row = id ? r.refundById(*id) : std::nullopt;
                return row ? canonicalRefund(*row) : std::string();
            };
        default:
            return [](const ChainRecord&) -> std::optional<std::string> { return std::nullopt; };
    }
}

}  // namespace

IntegrityReport verifyIntegrity(Store& store, const Clock& clock, std::optional<Uuid> employeeId) {
    IntegrityReport report;
    store.read([&](StoreReader& r) {
        for (const Chain chain : allChains()) {
            IntegrityReport::ChainCount count{chain, 0};
            const auto current = currentRow(r, chain);
            std::int64_t from = 1;
            std::string prevHash = kGenesisHash;
            for (;;) {
                const auto page = r.chainRecords(chain, from, kPage);
                if (page.empty()) break;
                report.firstProblem = verifyChain(sha256(), chain, page, from, prevHash, current);
                if (report.firstProblem) {
                    count.records += std::count_if(page.begin(), page.end(), [&](const ChainRecord& rec) {
                        return rec.seq < report.firstProblem->seq;
                    });
                    break;
                }
                count.records += static_cast<std::int64_t>(page.size());
                if (static_cast<int>(page.size()) < kPage) break;
                from = page.back().seq + 1;
                prevHash = page.back().hash;
            }
            report.chains.push_back(count);
            if (report.firstProblem) break;
        }
    });

    // After the read: the journal line is itself a record of the event chain, appended in its own
    // transaction.
    std::string details;
    if (report.firstProblem) {
        details = report.firstProblem->describe();
    } else {
        for (const auto& c : report.chains) {
            if (!details.empty()) details += ", ";
            details += std::string(toString(c.chain)) + " " + std::to_string(c.records);
        }
        details = "every chain sound: " + details;
    }
    store.write([&](StoreWriter& w) {
        const Operator op = requireOperator(w, employeeId, std::nullopt);
        recordEvent(w, report.firstProblem ? EventKind::IntegrityFailure : EventKind::IntegrityCheck, clock.now(),
                    op.id, details);
    });
    return report;
}

std::vector<TechnicalEvent> technicalEvents(Store& store, int limit) {
    std::vector<TechnicalEvent> events;
    if (limit <= 0) return events;
    store.read([&](StoreReader& r) {
        const auto tip = r.chainTip(Chain::Event);
        if (!tip) return;
        const std::int64_t from = std::max<std::int64_t>(1, tip->seq - limit + 1);
        auto records = r.chainRecords(Chain::Event, from, limit);
        std::reverse(records.begin(), records.end());
        for (const auto& record : records) {
            TechnicalEvent e = TechnicalEvent::fromRecord(record);
            e.number = record.seq;
            events.push_back(std::move(e));
        }
    });
    return events;
}

}  // namespace narcisse::app
