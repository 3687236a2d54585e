// The background worker the UI hands its store work to: own connection, jobs in order, failures
// reported to the caller instead of lost.
#include "app/worker.h"
#include "domain/errors.h"
#include "support/engines.h"

#include <catch2/catch.hpp>

#include <future>
#include <thread>

using namespace narcisse;
using namespace narcisse::test;

TEST_CASE("the worker opens its own store on its thread and runs jobs in the order posted", "[worker]") {
    SqliteEngine engine;
    std::thread::id openedOn;
    app::Worker worker([&] {
        openedOn = std::this_thread::get_id();
        return engine.open();
    });
    std::vector<int> order;
    std::promise<void> done;
    for (int i = 0; i < 5; ++i)
        worker.post([&order, i](domain::Store& store) {
            store.write([&](domain::StoreWriter& tx) { tx.setSetting("last", std::to_string(i)); });
            order.push_back(i);
        });
    worker.post([&](domain::Store&) { done.set_value(); });
    REQUIRE(done.get_future().wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(openedOn != std::this_thread::get_id());
    std::optional<std::string> last;
    engine.open()->read([&](domain::StoreReader& r) { last = r.setting("last"); });
    CHECK(last == "4");
}

TEST_CASE("a failing job is reported and the worker goes on", "[worker]") {
    SqliteEngine engine;
    app::Worker worker([&] { return engine.open(); });
    std::promise<std::string> failure;
    std::promise<void> next;
    worker.post([](domain::Store&) { throw domain::ConflictError("departure full"); },
                [&](std::exception_ptr e) {
                    try {
                        std::rethrow_exception(e);
                    } catch (const std::exception& x) {
                        failure.set_value(x.what());
                    }
                });
    worker.post([&](domain::Store&) { next.set_value(); });
    auto f = failure.get_future();
    REQUIRE(f.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    CHECK(f.get() == "departure full");
    CHECK(next.get_future().wait_for(std::chrono::seconds(10)) == std::future_status::ready);
}

TEST_CASE("a store that cannot be opened is reported to the job's caller", "[worker]") {
    app::Worker worker([]() -> std::unique_ptr<domain::Store> {
        throw domain::StoreUnavailable("the database /x/narcisse.db is damaged");
    });
    std::promise<std::string> failure;
    worker.post([](domain::Store&) {},
                [&](std::exception_ptr e) {
                    try {
                        std::rethrow_exception(e);
                    } catch (const std::exception& x) {
                        failure.set_value(x.what());
                    }
                });
    auto f = failure.get_future();
    REQUIRE(f.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    CHECK(f.get() == "the database /x/narcisse.db is damaged");
}
