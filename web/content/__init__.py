"""What an event says, made safe to show: Markdown and HTML text (sanitised), media
(kinds, hosts, click-to-load placeholders) and media files beside a story."""
