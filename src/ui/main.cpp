// The narcisse program: everything but the wxApp lives in the narcisse_ui library.
#include "ui/launcher.h"

#include <wx/app.h>
#include <wx/cmdline.h>

class NarcisseApp : public wxApp {
public:
    bool OnInit() override
    {
        narcisse::ui::InitProgram();
        return wxApp::OnInit() && m_launcher.Start();
    }

    void OnInitCmdLine(wxCmdLineParser& parser) override
    {
        wxApp::OnInitCmdLine(parser);
        narcisse::ui::Launcher::DescribeCommandLine(parser);
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override
    {
        return wxApp::OnCmdLineParsed(parser) && m_launcher.ReadCommandLine(parser);
    }

    int OnExit() override
    {
        m_launcher.Stop();
        return wxApp::OnExit();
    }

private:
    narcisse::ui::Launcher m_launcher;
};

wxIMPLEMENT_APP(NarcisseApp);
