// How the program starts: process-wide set-up, the command line, the sign-in dialog (which opens
// the store), then the main window. The wxApp in main.cpp only forwards to this.
#pragma once

#include "ui/session.h"

#include <memory>
#include <string>

class wxCmdLineParser;

namespace narcisse::ui {

// Application name (so wxStandardPaths and wxConfig use "narcisse" with the XDG layout, like the
// CLI), locale and translations. Call once, first thing in OnInit.
void InitProgram();

// Our translatable literals are UTF-8 ("…", "—"): under a C library locale that is not (LANG unset,
// as under Xvfb on CI) wx would turn them into empty strings. Switches LC_CTYPE to C.UTF-8 then.
void EnsureUtf8Strings();

class Launcher {
public:
    static void DescribeCommandLine(wxCmdLineParser& parser);
    bool ReadCommandLine(const wxCmdLineParser& parser);   // false on a bad argument
    void SetLocation(std::string location) { m_location = std::move(location); }
    // Shows the sign-in dialog; the main window follows once someone signs in.
    bool Start();
    void Stop();                                         // drops the session (joins its worker)

    const std::string& Location() const { return m_location; }

private:
    void ShowMainWindow();

    std::string m_location;
    std::shared_ptr<Session> m_session;
};

}  // namespace narcisse::ui
