#include "ui_support.h"

#include "app/demo_data.h"
#include "app/store_factory.h"
#include "support/engines.h"

#include <wx/app.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/window.h>

#include <thread>

#include <X11/Xlib.h>
#include <X11/Xutil.h>

namespace narcisse::test {

bool PumpUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        wxTheApp->ProcessPendingEvents();
        wxYield();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

void Pump(std::chrono::milliseconds duration)
{
    const auto until = std::chrono::steady_clock::now() + duration;
    PumpUntil([until] { return std::chrono::steady_clock::now() >= until; }, duration + std::chrono::seconds(1));
}

domain::Instant TestNow()
{
    using namespace std::chrono;
    return domain::Instant{date::sys_days{date::year{2026} / 7 / 14} + hours{12} + minutes{30}};
}

const std::string& DemoDatabasePath()
{
    static TempDir dir;
    static const std::string path = [] {
        const std::string file = dir.file("narcisse-ui.db");
        auto store = app::openStore(file);
        app::DemoOptions options;
        options.season = 2026;
        options.bookings = 30000;   // the real demo size: about a second, and the day looks like a summer day
        app::generateDemoData(*store, options, domain::FixedClock(TestNow()));
        return file;
    }();
    return path;
}

std::shared_ptr<ui::Session> DemoSession()
{
    return ui::MakeSession(DemoDatabasePath(), std::make_shared<domain::FixedClock>(TestNow()));
}

wxString SaveScreenshot(wxWindow* window, const wxString& name)
{
    window->Raise();
    window->Refresh();
    window->Update();
    Pump(std::chrono::milliseconds(400));   // let the X server and the toolkit finish drawing
    // Read what the X server shows (wxScreenDC on GTK 3 returns a stale copy of the screen).
    const wxRect rect = window->GetScreenRect();
    Display* display = XOpenDisplay(nullptr);
    if (!display) return {};
    XImage* shot = XGetImage(display, DefaultRootWindow(display), rect.x, rect.y, static_cast<unsigned>(rect.width),
                             static_cast<unsigned>(rect.height), AllPlanes, ZPixmap);
    wxImage image(rect.width, rect.height);
    if (shot) {
        auto channel = [](unsigned long pixel, unsigned long mask) {
            int shift = 0;
            while (mask && !(mask & 1)) {
                mask >>= 1;
                ++shift;
            }
            return static_cast<unsigned char>(mask ? ((pixel >> shift) & mask) * 255 / mask : 0);
        };
        for (int y = 0; y < rect.height; ++y)
            for (int x = 0; x < rect.width; ++x) {
                const unsigned long pixel = XGetPixel(shot, x, y);
                image.SetRGB(x, y, channel(pixel, shot->red_mask), channel(pixel, shot->green_mask),
                             channel(pixel, shot->blue_mask));
            }
        XDestroyImage(shot);
    }
    XCloseDisplay(display);
    wxFileName::Mkdir(NARCISSE_SCREENSHOT_DIR, wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    const wxString path = wxString(NARCISSE_SCREENSHOT_DIR) + "/" + name + ".png";
    image.SaveFile(path, wxBITMAP_TYPE_PNG);
    return path;
}

}  // namespace narcisse::test
