; Inno Setup script: a per-user installer for Windows (no administrator rights), from the one-folder bundle.
;
;   1. bash build_spec/build.sh                        (on Windows, Git Bash)  -> dist\atelier\
;   2. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 build_spec\windows\atelier.iss
;                                                      -> dist\atelier-0.1.0-windows-setup.exe
;
; Silent install for an IT department:  atelier-0.1.0-windows-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Silent uninstall:  "%LOCALAPPDATA%\Programs\Atelier Resilience\unins000.exe" /VERYSILENT
; The user's data (%LOCALAPPDATA%\AtelierResilience\AtelierResilience) is never touched by the uninstaller.
; See build_spec/README.md, « Windows », for every step (icon, signing).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z build_spec\windows\atelier.iss (pyproject.toml's version)
#endif
#define AppName "Atelier Résilience"
#define AppExe "atelier.exe"
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
; A fixed id: upgrades replace the previous installation instead of adding a second one. Never change it.
AppId={{6B0C2E7A-3D1F-4B8E-9A55-8F2D4C1E7A90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Atelier Résilience
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: installs under %LOCALAPPDATA%\Programs, Start-menu entry in the user's profile.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Atelier Resilience
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=atelier-{#AppVersion}-windows-setup
SetupIconFile={#Root}\resources\icons\atelier.ico
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile={#Root}\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Signing (optional, recommended): define a sign tool named "signtool" in the Inno Setup IDE or with
; ISCC "/Ssigntool=signtool.exe sign /fd SHA256 /tr <timestamp-url> /td SHA256 /a $f", then uncomment:
; SignTool=signtool

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: atelier.exe, atelier-console.exe and _internal\ (Qt, Python, the notices).
Source: "{#Root}\dist\atelier\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion
Source: "{#Root}\THIRD-PARTY-NOTICES.md"; DestDir: "{app}"; DestName: "THIRD-PARTY-NOTICES.txt"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\Licences et composants"; Filename: "{app}\THIRD-PARTY-NOTICES.txt"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there; the user's workshops live elsewhere and stay.
Type: filesandordirs; Name: "{app}\_internal"
