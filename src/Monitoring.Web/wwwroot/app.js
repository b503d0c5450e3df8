// Small browser helpers the Blazor pages call through JS interop.
window.monitoring = {
    downloadSvg(svgId, fileName) {
        const svg = document.getElementById(svgId);
        if (!svg) {
            return;
        }

        const markup = new XMLSerializer().serializeToString(svg);
        const blob = new Blob([markup], { type: "image/svg+xml" });
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        link.click();
        URL.revokeObjectURL(link.href);
    },

    // Returns at once: an export may take longer than a JS interop call is allowed to.
    startDownload(url, format, progress) {
        this.streamDownload(url, format, progress).catch(error => progress.invokeMethodAsync("ExportFailed", String(error)));
    },

    // Streams an export to a file while telling the page how many rows have arrived. Rows are counted by
    // line: CSV rows are the lines after the header that do not start with "#"; JSON has one article per
    // line, each starting with {"id".
    async streamDownload(url, format, progress) {
        const response = await fetch(url);
        if (!response.ok) {
            await progress.invokeMethodAsync("ExportFailed", (await response.text()) || response.statusText);
            return;
        }

        const disposition = response.headers.get("Content-Disposition") || "";
        const named = /filename="?([^";]+)"?/.exec(disposition);
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        const chunks = [];
        let bytes = 0;
        let rows = 0;
        let headerSeen = false;
        let pending = "";
        let lastReport = 0;
        const countLine = line => {
            if (format === "csv") {
                if (line.length === 0 || line.startsWith("#")) {
                    return;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    return;
                }
                rows++;
            } else if (line.startsWith('{"id"')) {
                rows++;
            }
        };
        for (;;) {
            const { done, value } = await reader.read();
            if (done) {
                break;
            }
            chunks.push(value);
            bytes += value.length;
            const lines = (pending + decoder.decode(value, { stream: true })).split("\n");
            pending = lines.pop();
            lines.forEach(countLine);
            if (Date.now() - lastReport > 200) {
                lastReport = Date.now();
                await progress.invokeMethodAsync("ExportProgress", rows, bytes);
            }
        }
        countLine(pending + decoder.decode());

        const link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("Content-Type") || "application/octet-stream" }));
        link.download = named ? named[1] : "search-export." + format;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
        await progress.invokeMethodAsync("ExportFinished", rows, bytes);
    },
};
