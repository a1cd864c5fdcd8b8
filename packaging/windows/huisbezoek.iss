; Inno Setup 6 script for Huisbezoek: a per-user installer that needs no administrator.
;
; Build on Windows after PyInstaller (python packaging\build.py --installer does both):
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\dist\huisbezoek /O..\..\dist huisbezoek.iss
; AppVersion comes from huisbezoek.__version__ (build.py passes it); when it is missing, it is
; read from the version resource of huisbezoek.exe, which the spec writes from the same source.
;
; Rules this script keeps:
; - Installs into %LOCALAPPDATA%\Programs\Huisbezoek; no admin rights, no UAC prompt.
; - The vault and settings live in the user data folder (%LOCALAPPDATA%\huisbezoek, see
;   huisbezoek.paths), never in {app}. The uninstaller removes only what this installer put in
;   {app}; there is deliberately no [UninstallDelete] entry and no code that touches user data.
; - A new version installs over the old one in place (same AppId); the old program files under
;   {app}\_internal are cleared first so no stale library lingers. The app itself migrates the
;   vault on first start; an older app refuses a newer vault with a clear message.
; - Never change AppId: it is how Windows knows an upgrade from a second installation.

#define AppName "Huisbezoek"
#define AppExe "huisbezoek.exe"
#define AppCliExe "huisbezoek-cli.exe"
#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\huisbezoek"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(BundleDir) + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error AppVersion is unknown: pass /DAppVersion=x.y.z or build the app first
#endif
; Windows wants four numbers (1.2.3.0) where AppVersion may read 1.2.3rc1; build.py passes both.
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif

[Setup]
AppId={{E3FE28CD-7181-4BAC-8E5D-0D3C10189812}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=huisbezoek developers
AppCopyright=EUPL-1.2
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=huisbezoek-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\huisbezoek.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running Huisbezoek (Restart Manager) before files are replaced; the app saves every
; answer as it is typed, so nothing is lost.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
dutch.DesktopIcon=Snelkoppeling op het bureaublad
english.DesktopIcon=Desktop shortcut
dutch.SelfTest=Huisbezoek - controle
english.SelfTest=Huisbezoek - self-test
dutch.Launch=Huisbezoek nu starten
english.Launch=Start Huisbezoek now
dutch.DataKept=Uw gegevens zijn niet verwijderd. De kluis staat nog in de map:%n%1%n%nWilt u ook die gegevens weg? Vraag het uw coördinator.
english.DataKept=Your data was not removed. The vault is still in:%n%1%n%nAsk your coordinator before deleting it.
dutch.NewerInstalled=Er staat al een nieuwere versie van Huisbezoek op deze computer (%1). Deze oudere versie (%2) kan uw kluis misschien niet openen.%n%nToch doorgaan?
english.NewerInstalled=A newer version of Huisbezoek is already installed (%1). This older version (%2) may not be able to open your vault.%n%nContinue anyway?

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; Upgrade in place: clear the previous version's program files (never user data: that is not here).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
; For the helpdesk: runs the self-test in a console window that stays open.
Name: "{autoprograms}\{cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#AppCliExe}"" --self-test"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:Launch}"; Flags: nowait postinstall skipifsilent

[Code]
const
  UninstallKey = 'Software\Microsoft\Windows\CurrentVersion\Uninstall\{E3FE28CD-7181-4BAC-8E5D-0D3C10189812}_is1';

{ Warn before a downgrade: the older app would refuse a vault that a newer one migrated. }
function InitializeSetup(): Boolean;
var
  Installed: String;
  InstalledVersion, ThisVersion: Int64;
begin
  Result := True;
  if RegQueryStringValue(HKCU, UninstallKey, 'DisplayVersion', Installed) then
    if StrToVersion(Installed, InstalledVersion) and StrToVersion('{#AppVersionNumeric}', ThisVersion) then
      if ComparePackedVersion(InstalledVersion, ThisVersion) > 0 then
        Result := WizardSilent() or
          (MsgBox(FmtMessage(CustomMessage('NewerInstalled'), [Installed, '{#AppVersion}']),
                  mbConfirmation, MB_YESNO) = IDYES);
end;

{ Say plainly that the vault stays; nothing here deletes it. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\huisbezoek');
    if DirExists(DataDir) and not UninstallSilent() then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
