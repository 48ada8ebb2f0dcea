; Inno Setup script for the Windows installer, run by .github/workflows/build-windows.yml:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=...\build\app\crt-desktop /DOutputDir=...\dist crt-desktop.iss
; A per-user install (no administrator needed) with a Start menu entry and an uninstaller.
; The sessions live in the user data folder, which uninstalling leaves alone.

[Setup]
AppId={{6F1B8E52-3C1D-4B8A-9E43-2D6C0A7F5B19}
AppName=CRT Desktop
AppVersion={#AppVersion}
AppPublisher=CRT Desktop
DefaultDirName={localappdata}\Programs\CRT Desktop
DefaultGroupName=CRT Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir={#OutputDir}
OutputBaseFilename=CRT-Desktop-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\crt-desktop.exe
WizardStyle=modern

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\CRT Desktop"; Filename: "{app}\crt-desktop.exe"
Name: "{userdesktop}\CRT Desktop"; Filename: "{app}\crt-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Put an icon on the desktop"; Flags: unchecked

[Run]
Filename: "{app}\crt-desktop.exe"; Description: "Open CRT Desktop"; Flags: nowait postinstall skipifsilent
