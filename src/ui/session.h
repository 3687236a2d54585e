// What the windows of one run share: the store location, its worker, the clock, what the store
// told us when it opened, and who signed in.
#pragma once

#include "app/demo_data.h"
#include "app/sign_in.h"
#include "app/worker.h"
#include "domain/staff.h"
#include "domain/time.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace narcisse::ui {

// Known once the store is open (filled on the worker by PrepareStore).
struct StoreInfo {
    std::string description;                             // Store::describe(), for the status bar
    std::string timeZone = "Europe/Paris";
    std::optional<app::DemoCredentials> demoCredentials; // only on a demo database
    std::optional<app::DemoSummary> createdDemo;         // demo data made by this start
};

struct Session {
    std::string location;                    // a SQLite path or a postgresql:// URL
    std::shared_ptr<const domain::Clock> clock;
    std::unique_ptr<app::Worker> worker;     // owns the only store connection of the UI
    std::optional<StoreInfo> store;
    std::optional<domain::BusinessZone> zone;
    std::optional<domain::Employee> employee;

    bool IsServer() const;
    domain::Instant Now() const { return clock->now(); }
    domain::LocalDate Today() const;         // on the business's calendar
};

// A session whose worker opens (and migrates) the store at `location` on its first job.
std::shared_ptr<Session> MakeSession(std::string location, std::shared_ptr<const domain::Clock> clock);

// Runs on the worker: reads what the windows need to know about the store and, on the first launch
// of an empty embedded database, fills it with the demo season that shows best today (calling
// `creatingDemo` first so the UI can say so while it works).
StoreInfo PrepareStore(domain::Store& store, bool server, const domain::Clock& clock,
                       const std::function<void()>& creatingDemo);

}  // namespace narcisse::ui
