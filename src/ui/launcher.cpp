#include "ui/launcher.h"

#include "app/store_factory.h"
#include "ui/main_frame.h"
#include "ui/planning_panel.h"
#include "ui/sign_in_dialog.h"

#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <clocale>
#include <cstring>

#include <langinfo.h>

namespace narcisse::ui {

void InitProgram()
{
    wxTheApp->SetAppName("narcisse");
    // ~/.config/narcisse and ~/.local/share/narcisse: the same places the CLI uses.
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    wxUILocale::UseDefault();
    EnsureUtf8Strings();
    // wxTranslations::Set takes ownership of the object.
    auto translations = std::make_unique<wxTranslations>();
    translations->AddStdCatalog();
    translations->AddCatalog("narcisse");
    wxTranslations::Set(translations.release());
    wxTheApp->SetAppDisplayName(_("Sweet Narcisse"));
}

void EnsureUtf8Strings()
{
    const char* codeset = nl_langinfo(CODESET);
    if (codeset && (std::strcmp(codeset, "UTF-8") == 0 || std::strcmp(codeset, "utf8") == 0)) return;
    if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "en_US.UTF-8");
}

void Launcher::DescribeCommandLine(wxCmdLineParser& parser)
{
    parser.AddLongOption("db", _("the database: a SQLite file, or a postgresql:// URL for the shared server"),
                         wxCMD_LINE_VAL_STRING);
}

bool Launcher::ReadCommandLine(const wxCmdLineParser& parser)
{
    wxString location;
    if (parser.Found("db", &location)) {
        location.Trim().Trim(false);
        if (location.empty()) {
            wxLogError(_("--db: give a database file or a postgresql:// URL."));
            return false;
        }
        m_location = location.ToStdString(wxConvUTF8);
    } else {
        m_location = app::defaultLocation();
    }
    return true;
}

bool Launcher::Start()
{
    if (m_location.empty()) m_location = app::defaultLocation();
    m_session = MakeSession(m_location, std::make_shared<domain::SystemClock>());
    auto* dialog = new SignInDialog(nullptr, m_session);
    dialog->SetOnSignedIn([this, dialog] {
        ShowMainWindow();
        dialog->Destroy();
    });
    dialog->Show();
    return true;
}

void Launcher::ShowMainWindow()
{
    auto* frame = new MainFrame(m_session);
    frame->Centre();
    frame->Show();
    wxTheApp->SetTopWindow(frame);
    frame->Planning()->ShowTodayOrNearest();
}

void Launcher::Stop()
{
    m_session.reset();
}

}  // namespace narcisse::ui
