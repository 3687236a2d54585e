// What the UI tests need around the windows: wx started without a main loop, event pumping with a
// deadline, a temporary demo database and screenshots.
#pragma once

#include "domain/time.h"
#include "ui/session.h"

#include <wx/bitmap.h>
#include <wx/string.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

class wxWindow;

namespace narcisse::test {

// Processes events (the worker's answers arrive as CallAfter) until `done` or the deadline.
bool PumpUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::seconds(30));
void Pump(std::chrono::milliseconds duration);

// 2026-07-14 14:30 in Colmar (12:30 UTC): a busy summer day, half of it past.
domain::Instant TestNow();

// A demo database (season 2026, 30,000 bookings) made once per run in a temporary folder.
const std::string& DemoDatabasePath();

// A session on that database with the fixed clock; signed in through the real dialog when asked.
std::shared_ptr<ui::Session> DemoSession();

// The window as the screen shows it, saved as build/screenshots/<name>.png; returns the file path.
wxString SaveScreenshot(wxWindow* window, const wxString& name);

}  // namespace narcisse::test
