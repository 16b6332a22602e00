# ProfileSite production image: build with the SDK, run self-contained on the runtime-deps image only.
#   docker build -t profilesite .
#   docker run -d -p 127.0.0.1:8080:8080 --read-only --tmpfs /tmp profilesite
# See README "Deploying" and deploy/ for Caddy, systemd and GitHub Pages.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore is its own layer: it reruns only when a project or package version changes,
# not on every edit to a .cs file or to the content.
# Restored for this platform only: NetVips.Native carries libvips for every OS and CPU, and the image
# needs one of them (linux-x64 or linux-arm64, from the platform being built).
ARG TARGETARCH
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ProfileSite/ProfileSite.csproj src/ProfileSite/
COPY src/ProfileSite.Content/ProfileSite.Content.csproj src/ProfileSite.Content/
COPY src/ProfileSite.Images/ProfileSite.Images.csproj src/ProfileSite.Images/
COPY src/ProfileSite.Import/ProfileSite.Import.csproj src/ProfileSite.Import/
# For the platform's runtime identifier, self-contained, so the publish below compiles the app and the
# framework ahead of time as one composite ReadyToRun image (no JIT at start; see the project file).
RUN case "${TARGETARCH:-amd64}" in arm64) echo linux-arm64 ;; *) echo linux-x64 ;; esac > /tmp/rid \
    && dotnet restore src/ProfileSite/ProfileSite.csproj -r "$(cat /tmp/rid)" -p:SelfContained=true -p:PublishReadyToRun=true

# The web project only (no tests). The csproj copies the repository's content/ and wwwroot/
# into the publish folder, beside the binary, where the app looks first.
COPY .editorconfig ./
COPY src/ src/
COPY content/ content/
COPY wwwroot/ wwwroot/
RUN dotnet publish src/ProfileSite/ProfileSite.csproj -c Release --no-restore -r "$(cat /tmp/rid)" --self-contained true -o /app

# The app carries its own runtime: the base is the runtime's native dependencies and the "app" user.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# Operator settings are environment variables (ProfileSite__ContentPath, ProfileSite__KnownNetworks__0, ...).
# Logs: one JSON object per line on stdout, for `docker logs` and log collectors (`dotnet run`
# keeps the readable console format). Workstation GC (also in the project file): a small site on a
# small VPS should not reserve a heap per core, and a 4 MiB first-generation budget (DOTNET_GCgen0size; the
# default follows the CPU's cache size) keeps the heap small under load (bench/README.md, "On a quiet machine", Memory). The base image already listens on 8080
# (ASPNETCORE_HTTP_PORTS=8080). To cap the heap: -e DOTNET_GCHeapHardLimit=0x4000000 (64 MiB).
ENV ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_GCgen0size=0x400000 \
    Serilog__WriteTo__0__Args__formatter="Serilog.Formatting.Compact.RenderedCompactJsonFormatter, Serilog.Formatting.Compact" \
    DOTNET_gcServer=0
EXPOSE 8080

# The non-root user of the base image. With --read-only the image variants are kept in memory (one log
# line says so); mount a writable volume at /app/data to keep them across restarts.
USER $APP_UID

# The base image has no curl or wget: the app checks itself (GET http://127.0.0.1:8080/healthz).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/app/ProfileSite", "healthcheck"]

# Exec form: the app is PID 1 and receives SIGTERM itself, finishing in-flight requests.
ENTRYPOINT ["/app/ProfileSite"]
