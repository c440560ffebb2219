# One image for both roles: `npm run start:api` (default) and `npm run start:worker`.
# tsx runs the TypeScript entry points directly, so the dev dependencies stay installed.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY schema ./schema
COPY src ./src
COPY jobs ./jobs
COPY scripts ./scripts
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
CMD ["npm", "run", "start:api"]
