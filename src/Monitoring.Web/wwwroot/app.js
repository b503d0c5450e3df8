// Small browser helpers the Blazor pages call through JS interop.
window.monitoring = {
    // The chart as a standalone SVG document: CSS variables of the page are resolved into the copy, so the
    // file looks the same outside the app (in light or dark mode as shown).
    chartMarkup(svgId) {
        const svg = document.getElementById(svgId);
        if (!svg) {
            return null;
        }

        const copy = svg.cloneNode(true);
        const box = svg.viewBox.baseVal;
        copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
        copy.setAttribute("width", box.width);
        copy.setAttribute("height", box.height);
        const style = copy.querySelector("style");
        if (style) {
            const computed = getComputedStyle(svg);
            style.textContent = style.textContent.replace(/var\((--[\w-]+),\s*([^)]+)\)/g,
                (_, name, fallback) => computed.getPropertyValue(name).trim() || fallback);
        }

        const background = getComputedStyle(document.body).backgroundColor || "#ffffff";
        const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
        rect.setAttribute("width", "100%");
        rect.setAttribute("height", "100%");
        rect.setAttribute("fill", background);
        copy.insertBefore(rect, copy.firstChild);
        return { markup: new XMLSerializer().serializeToString(copy), width: box.width, height: box.height };
    },

    download(blob, fileName) {
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    },

    downloadSvg(svgId, fileName) {
        const chart = this.chartMarkup(svgId);
        if (chart) {
            this.download(new Blob([chart.markup], { type: "image/svg+xml" }), fileName);
        }
    },

    // Draws the SVG onto a canvas at twice its size and saves the canvas as PNG.
    downloadPng(svgId, fileName) {
        const chart = this.chartMarkup(svgId);
        if (!chart) {
            return Promise.resolve();
        }

        const scale = 2;
        return new Promise((resolve, reject) => {
            const image = new Image();
            image.onload = () => {
                const canvas = document.createElement("canvas");
                canvas.width = chart.width * scale;
                canvas.height = chart.height * scale;
                const context = canvas.getContext("2d");
                context.scale(scale, scale);
                context.drawImage(image, 0, 0, chart.width, chart.height);
                canvas.toBlob(blob => {
                    this.download(blob, fileName);
                    resolve();
                }, "image/png");
            };
            image.onerror = reject;
            image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(chart.markup);
        });
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
